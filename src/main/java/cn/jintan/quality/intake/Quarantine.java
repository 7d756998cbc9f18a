package cn.jintan.quality.intake;

import cn.jintan.quality.PipelineProperties;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Puts aside a file that an unexpected error kept from being checked:
 * {@code data/quarantine/SHA16/ORIGINAL-NAME}, under the name staff gave it, so the operator can
 * move it back into {@code input/} once the cause is fixed. Never deletes anything; the archive
 * keeps its copy too.
 */
@Component
public class Quarantine {

    private final Path folder;

    Quarantine(PipelineProperties properties) {
        this.folder = properties.quarantine();
    }

    /** Where a file of this content and name is kept (one folder per content, so names never collide). */
    public Path place(String sha256, String fileName) {
        return folder.resolve(sha256.substring(0, 16)).resolve(fileName).toAbsolutePath().normalize();
    }

    /**
     * Copies {@code source} (or, when staff took it away meanwhile, the {@code archived} copy) to
     * {@code target}, whole or not at all; doing it again replaces it with the same bytes.
     */
    public void keep(Path source, Path archived, Path target) {
        Path from = Files.isRegularFile(source) || archived == null ? source : archived;
        try {
            Files.createDirectories(target.getParent());
            Path partial = target.resolveSibling(target.getFileName() + ".part");
            Files.copy(from, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep " + from + " in quarantine", e);
        }
    }
}
