package cn.jintan.quality.intake;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/** Moving a file into its own slot folder of the intake, and finding it there again. */
final class IntakeSlots {

    private IntakeSlots() {
    }

    /**
     * One rename on the same file system. Across file systems: a copy next to the target, forced
     * to disk and checked against the source (same size, source unchanged), renamed into place;
     * only then is the source deleted.
     */
    static void move(Path source, Path target, BasicFileAttributes before) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
            return;
        } catch (AtomicMoveNotSupportedException e) {
            // input/ and data/ on different file systems
        }
        Path partial = target.resolveSibling(".part");
        Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES,
                LinkOption.NOFOLLOW_LINKS);
        try (FileChannel copy = FileChannel.open(partial, StandardOpenOption.WRITE)) {
            copy.force(true);
        }
        BasicFileAttributes after = Files.readAttributes(source, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (Files.size(partial) != before.size() || after.size() != before.size()
                || !after.lastModifiedTime().equals(before.lastModifiedTime())) {
            Files.delete(partial);
            throw new NoSuchFileException(source.toString(), null, "changed while being copied; taken next time");
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        Files.delete(source);
    }

    /** The file a slot holds (not a partial copy), if any. */
    static Optional<Path> fileIn(Path slot) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(slot)) {
            for (Path file : files) {
                if (!file.getFileName().toString().equals(".part") && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    return Optional.of(file);
                }
            }
        }
        return Optional.empty();
    }
}
