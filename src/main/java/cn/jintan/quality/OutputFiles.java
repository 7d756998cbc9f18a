package cn.jintan.quality;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Set;

/**
 * Every file the pipeline writes under {@code output/}: written to a temporary file in the same
 * folder, forced to disk and renamed over the old one in one step, so a reader, or a run killed
 * half-way, never sees half a file; files and the folders created for them get the permissions of
 * {@code qb.umask} (owner and group only by default), not the process's umask.
 */
public final class OutputFiles {

    /** {@code qb.umask}'s default: 0750 folders, 0640 files. */
    public static final String DEFAULT_UMASK = "027";

    private static volatile int umask = Integer.parseInt(DEFAULT_UMASK, 8);

    /** Writes the content of a file to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private OutputFiles() {
    }

    /** Sets the umask every later write and folder applies; {@code octal} is checked at start-up. */
    public static void useUmask(String octal) {
        umask = parse(octal);
    }

    /** Three octal digits such as {@code 027}; -1 when not. */
    public static int parse(String octal) {
        return octal != null && octal.strip().matches("0?[0-7]{3}") ? Integer.parseInt(octal.strip(), 8) : -1;
    }

    public static void write(Path file, byte[] content) {
        write(file, out -> out.write(content));
    }

    public static void write(Path file, Content content) {
        Path folder = file.toAbsolutePath().getParent();
        createDirectories(folder);
        Path partial = null;
        try {
            // hidden and created 0600 by the JDK: nobody reads it before it is complete
            partial = Files.createTempFile(folder, ".qb-", ".part");
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE);
                 OutputStream out = new BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel), 1 << 16)) {
                content.writeTo(new java.io.FilterOutputStream(out) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        flush(); // a writer that closes its stream (a ZipOutputStream) must not close ours before force()
                    }
                });
                out.flush();
                channel.force(true);
            }
            permit(partial, 0666 & ~umask);
            try {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            }
            partial = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        } finally {
            if (partial != null) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // the write already failed; a stray hidden .part is harmless
                }
            }
        }
    }

    /** Creates {@code folder} and its missing parents, each with the folders' permissions. */
    public static Path createDirectories(Path folder) {
        Path absolute = folder.toAbsolutePath();
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = absolute; p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.push(p);
        }
        try {
            for (Path p : missing) {
                try {
                    Files.createDirectory(p);
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    if (!Files.isDirectory(p)) {
                        throw e;
                    }
                    continue; // made meanwhile by another thread: its permissions are its creator's
                }
                permit(p, 0777 & ~umask);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder, e);
        }
        return folder;
    }

    private static void permit(Path path, int mode) throws IOException {
        if (!path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_READ};
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << i)) != 0) {
                permissions.add(bits[i]);
            }
        }
        Files.setPosixFilePermissions(path, permissions);
    }
}
