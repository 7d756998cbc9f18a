package cn.jintan.quality.intake;

import cn.jintan.quality.OutputFiles;
import cn.jintan.quality.PipelineProperties;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.LinkOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Keeps every original received file under {@code data/archive/AB/SHA256.EXT}, named by its
 * SHA-256 (and a short plain extension), and never deletes one: the audit trail of what staff
 * sent. A copy in progress is {@code data/archive/incoming-*.part} (not an archived file; one a
 * killed process left is removed by the next).
 */
@Component
public class Archive {

    /** A partial copy untouched this long is a leftover of a killed process, not one being written. */
    private static final java.time.Duration PARTIAL_AGE = java.time.Duration.ofMinutes(10);

    private final Path folder;
    private volatile boolean partialsCleared;

    Archive(PipelineProperties properties) {
        this.folder = properties.archive();
    }

    public static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A file as archived: its SHA-256 and where its copy is. */
    public record Kept(String sha256, Path archived) {
    }

    /**
     * Copies a taken file into the archive (once per content), hashing the very bytes copied in
     * one read, so the archived copy is exactly what the hash names. The path comes from the hash
     * and a short extension only, whatever the file's name.
     */
    public Kept keep(Path file) {
        try {
            OutputFiles.createDirectories(folder);
            clearPartials();
            Path partial = Files.createTempFile(folder, "incoming-", ".part");
            String sha;
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
                 DigestOutputStream out = new DigestOutputStream(Files.newOutputStream(partial),
                         MessageDigest.getInstance("SHA-256"))) {
                in.transferTo(out);
                out.flush();
                sha = HexFormat.of().formatHex(out.getMessageDigest().digest());
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(partial);
                throw e;
            }
            Path target = folder.resolve(sha.substring(0, 2)).resolve(sha + extension(file.getFileName().toString()));
            if (Files.exists(target)) {
                Files.delete(partial);
            } else {
                OutputFiles.createDirectories(target.getParent());
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            }
            return new Kept(sha, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot archive " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies a killed process left half-written (once per process: one run at a time holds the database). */
    /**
     * Copies cut short by a kill, once per process. Only old ones: intake threads and worker
     * processes sharing the archive may be writing theirs right now.
     */
    private synchronized void clearPartials() throws IOException {
        if (partialsCleared) {
            return;
        }
        java.nio.file.attribute.FileTime before = java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(PARTIAL_AGE));
        try (java.nio.file.DirectoryStream<Path> partials = Files.newDirectoryStream(folder, "incoming-*.part")) {
            for (Path partial : partials) {
                try {
                    if (Files.getLastModifiedTime(partial).compareTo(before) < 0) {
                        Files.deleteIfExists(partial);
                    }
                } catch (java.nio.file.NoSuchFileException e) {
                    // finished meanwhile
                }
            }
        }
        partialsCleared = true;
    }

    /** The name's extension, lower case, when it is a short plain one ({@code .xlsx}); else none. */
    public static String extension(String name) {
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot).toLowerCase(java.util.Locale.ROOT);
        return extension.matches("\\.[a-z0-9]{1,8}") ? extension : "";
    }
}
