package cn.jintan.quality.domain;

import java.nio.file.Path;

/** Bad configuration under {@code jobs/}: the run stops with exit status 2 before touching data. */
public class ConfigurationException extends RuntimeException {

    private final transient Path file;
    private final int line;

    public ConfigurationException(Path file, int line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }
}
