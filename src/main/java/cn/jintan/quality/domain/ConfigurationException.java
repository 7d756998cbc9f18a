package cn.jintan.quality.domain;

import java.nio.file.Path;

/**
 * Bad configuration under {@code jobs/} or in a {@code qb.*} setting: the command stops with exit
 * status 2 before touching data.
 */
public class ConfigurationException extends RuntimeException {

    private final String source;
    private final int line;
    private final String problem;

    public ConfigurationException(Path file, int line, String problem) {
        this(String.valueOf(file), line, problem);
    }

    /** {@code source}: a file, or a setting such as {@code qb.zone} and where it came from. */
    public ConfigurationException(String source, int line, String problem) {
        super(source + (line > 0 ? ":" + line : "") + ": " + problem);
        this.source = source;
        this.line = line;
        this.problem = problem;
    }

    /** The file or setting at fault. */
    public String source() {
        return source;
    }

    /** The file at fault (a setting's name when a setting is). */
    public Path file() {
        return Path.of(source);
    }

    /** The line of the file, from 1; 0 when the whole file or a setting is at fault. */
    public int line() {
        return line;
    }

    public String problem() {
        return problem;
    }
}
