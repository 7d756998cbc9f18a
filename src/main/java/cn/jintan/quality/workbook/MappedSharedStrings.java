package cn.jintan.quality.workbook;

import javax.xml.stream.XMLStreamException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * A table too large for the heap (a million distinct names are ~130 MB of Strings): each string,
 * normalised once, as UTF-8 in a temporary file mapped read-only, and on the heap only an int
 * offset per string. A look-up decodes the bytes between two offsets; mapped pages are the OS's
 * page cache, not heap.
 */
final class MappedSharedStrings implements SharedStrings {

    /** One mapping (and an int offset) reaches 2 GB; a table needing more is refused as unreadable. */
    static final long MAX_BYTES = Integer.MAX_VALUE;

    /** {@code Unsafe.invokeCleaner}: JDK 17 has no public unmap, and the GC may unmap much later. */
    private static final MethodHandle UNMAP = unmapper();

    final Path file;
    private final long maxBytes;
    /** String i is the bytes from offsets[i] to offsets[i + 1]. */
    private int[] offsets = new int[1024];
    private int count;
    private MappedByteBuffer data;
    private byte[] scratch = new byte[256];
    private boolean deleted;

    MappedSharedStrings(InputStream xml, long maxBytes) throws IOException, XMLStreamException {
        this.maxBytes = Math.min(maxBytes, MAX_BYTES);
        this.file = Files.createTempFile("qb-shared-strings-", ".bin");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            // unlinked at once where the OS allows (Linux): nothing is left behind even by kill -9
            deleted = deleteQuietly(file);
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
            SharedStringsXml.parse(xml, raw -> append(out, raw));
            out.flush(); // not closed: that would close the channel before it is mapped
            data = channel.map(FileChannel.MapMode.READ_ONLY, 0, offsets[count]);
        } catch (IOException | XMLStreamException | RuntimeException | Error e) {
            try {
                close();
            } catch (IOException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private void append(OutputStream out, String raw) throws IOException {
        byte[] bytes = Text.normalise(raw).getBytes(StandardCharsets.UTF_8);
        long end = (long) offsets[count] + bytes.length;
        if (end > maxBytes) {
            throw new IOException("shared strings table needs more than " + maxBytes
                    + " bytes as UTF-8, more than one memory mapping holds");
        }
        if (count + 1 == offsets.length) {
            // a hostile table of millions of empty items would otherwise fill the heap with offsets
            if ((long) offsets.length * 2 * Integer.BYTES > Runtime.getRuntime().maxMemory() / 4) {
                throw new IOException("too many shared strings: " + count);
            }
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
        }
        out.write(bytes);
        offsets[++count] = (int) end;
    }

    @Override
    public CellValue get(int index) {
        MappedByteBuffer d = data;
        if (d == null) {
            throw new IllegalStateException("shared strings read after the workbook was closed");
        }
        if (index < 0 || index >= count) {
            throw new IllegalStateException("shared string " + index + " beyond the table (" + count + ")");
        }
        int start = offsets[index];
        int length = offsets[index + 1] - start;
        if (length == 0) {
            return CellValue.BLANK;
        }
        if (length > scratch.length) {
            scratch = new byte[Math.max(length, 2 * scratch.length)];
        }
        d.get(start, scratch, 0, length);
        return CellValue.normalisedText(new String(scratch, 0, length, StandardCharsets.UTF_8));
    }

    /** Unmaps and deletes; a look-up afterwards fails instead of touching unmapped memory. */
    @Override
    public void close() throws IOException {
        MappedByteBuffer d = data;
        data = null;
        offsets = null;
        if (d != null && UNMAP != null) {
            try {
                UNMAP.invokeExact((ByteBuffer) d);
            } catch (Throwable ignored) {
                // best effort: the GC unmaps it when the buffer is collected
            }
        }
        if (!deleted) {
            Files.deleteIfExists(file);
            deleted = true;
        }
    }

    private static boolean deleteQuietly(Path file) {
        try {
            Files.delete(file);
            return true;
        } catch (IOException e) {
            return false; // Windows: deleted on close, after the unmap
        }
    }

    private static MethodHandle unmapper() {
        try {
            Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
            Field theUnsafe = unsafeClass.getDeclaredField("theUnsafe");
            theUnsafe.setAccessible(true);
            return MethodHandles.lookup()
                    .findVirtual(unsafeClass, "invokeCleaner", MethodType.methodType(void.class, ByteBuffer.class))
                    .bindTo(theUnsafe.get(null));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
