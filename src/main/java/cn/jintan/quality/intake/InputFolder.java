package cn.jintan.quality.intake;

import cn.jintan.quality.PipelineProperties;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The drop box staff put workbooks in. Lists the files ready to take, oldest first; skips
 * temporary and hidden names and files modified in the last seconds (still being copied).
 */
@Component
public class InputFolder {

    static final Duration SETTLE = Duration.ofSeconds(2);

    private final Path folder;
    private final Clock clock;

    InputFolder(PipelineProperties properties, Clock clock) {
        this.folder = properties.input();
        this.clock = clock;
    }

    public List<Path> pendingFiles() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !skipped(f.getFileName().toString()))
                    .filter(this::settled)
                    .sorted(Comparator.comparing(InputFolder::modified).thenComparing(f -> f.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    /** Names that Office, WPS and copy tools use while writing, and hidden files. */
    static boolean skipped(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return name.startsWith(".") || name.startsWith("~$") || lower.endsWith(".tmp") || lower.endsWith(".part")
                || lower.equals("readme.md") || lower.equals("thumbs.db") || lower.equals("desktop.ini");
    }

    private boolean settled(Path file) {
        return modified(file).toInstant().isBefore(clock.instant().minus(SETTLE));
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
