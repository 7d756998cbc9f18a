package cn.jintan.quality.testing;

import cn.jintan.quality.testing.TestWorkbook.Format;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Files that are not what they claim to be, built from a valid test workbook. */
public final class HostileFiles {

    private HostileFiles() {
    }

    /** A password-protected .xlsx (agile encryption, as Excel writes it). */
    public static Path encrypted(Path dir, String name) {
        Path plain = TestWorkbook.valid().write(dir.resolve("plain-" + name), Format.XLSX);
        Path encrypted = dir.resolve(name);
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("123456");
            try (OutputStream os = encryptor.getDataStream(fs); InputStream in = Files.newInputStream(plain)) {
                in.transferTo(os);
            }
            try (OutputStream out = Files.newOutputStream(encrypted)) {
                fs.writeFilesystem(out);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return encrypted;
    }

    /** A valid workbook that also carries a VBA project, under an innocent .xlsx name. */
    public static Path withVbaProject(Path dir, String name) {
        Path plain = TestWorkbook.valid().write(dir.resolve("plain-" + name), Format.XLSX);
        return rewriteZip(plain, dir.resolve(name), entry -> null, "xl/vbaProject.bin", new byte[]{1, 2, 3});
    }

    /** A sheet padded to inflate 1000-fold: POI's minimum inflate ratio (0.01) trips. */
    public static Path zipBomb(Path dir, String name) {
        Path plain = TestWorkbook.valid().write(dir.resolve("plain-" + name), Format.XLSX);
        String padding = " ".repeat(20 * 1024 * 1024);
        return rewriteZip(plain, dir.resolve(name),
                entry -> entry.equals("xl/worksheets/sheet2.xml") ? padding : null, null, null);
    }

    /** The first half of a valid workbook, as a broken copy or upload leaves it. */
    public static Path truncated(Path dir, String name) {
        try {
            Path whole = TestWorkbook.valid().write(dir.resolve("whole-" + name), Format.XLSX);
            byte[] bytes = Files.readAllBytes(whole);
            return Files.write(dir.resolve(name), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies an xlsx with one entry's content replaced whole (a sheet's XML as another writer might save it). */
    public static Path withEntry(Path from, Path to, String entryName, String content) {
        try (ZipFile zip = new ZipFile(from.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                byte[] bytes = entry.getName().equals(entryName)
                        ? content.getBytes(StandardCharsets.UTF_8) : zip.getInputStream(entry).readAllBytes();
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }

    /**
     * Copies an xlsx; where {@code replace} gives text for an entry, text starting with
     * {@code <?xml} replaces the entry's XML declaration (a DOCTYPE), other text is put before
     * {@code </worksheet>}. {@code extraName} adds an entry.
     */
    public static Path rewriteZip(Path from, Path to, Function<String, String> replace, String extraName, byte[] extra) {
        try (ZipFile zip = new ZipFile(from.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                byte[] content = zip.getInputStream(entry).readAllBytes();
                String change = replace.apply(entry.getName());
                if (change != null) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    xml = change.startsWith("<?xml")
                            ? change + xml.substring(xml.indexOf("?>") + 2)
                            : xml.replace("</worksheet>", change + "</worksheet>");
                    content = xml.getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(content);
                out.closeEntry();
            }
            if (extraName != null) {
                out.putNextEntry(new ZipEntry(extraName));
                out.write(extra);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }
}
