package cn.jintan.quality.quarantine;

import cn.jintan.quality.OutputFiles;
import cn.jintan.quality.PipelineProperties;
import cn.jintan.quality.intake.Archive;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Puts aside a file that an unexpected error kept from being checked:
 * {@code data/quarantine/SHA16/SHA256.EXT}, named by its content so that no name staff give a
 * file can make the path too long or unusable, with the name staff gave it in
 * {@code name.txt} beside it (and in the ledger), so the operator can move it back into
 * {@code input/} under that name once the cause is fixed. Never deletes anything; the archive
 * keeps its copy too.
 */
@Component
class QuarantineFolder {

    /** The file beside a quarantined one that holds its original name (UTF-8, one line). */
    static final String NAME_FILE = "name.txt";

    private final Path folder;

    QuarantineFolder(PipelineProperties properties) {
        this.folder = properties.quarantine();
    }

    /** Where a file of this content is kept (one folder per content, so names never collide). */
    Path place(String sha256, String fileName) {
        return folder.resolve(sha256.substring(0, 16)).resolve(sha256 + Archive.extension(fileName))
                .toAbsolutePath().normalize();
    }

    /**
     * Copies {@code source} (or, when it is gone meanwhile, the {@code archived} copy) to
     * {@code target}, whole or not at all, and writes the original name beside it; doing it again
     * replaces both with the same bytes.
     */
    void keep(Path source, Path archived, Path target, String originalName) {
        Path from = Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS) || archived == null ? source : archived;
        try {
            OutputFiles.createDirectories(target.getParent());
            Path name = target.resolveSibling(NAME_FILE);
            Path namePartial = target.resolveSibling(NAME_FILE + ".part");
            Files.writeString(namePartial, originalName, StandardCharsets.UTF_8);
            Files.move(namePartial, name, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Path partial = target.resolveSibling("file.part");
            Files.copy(from, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep " + from + " in quarantine", e);
        }
    }
}
