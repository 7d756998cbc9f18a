package cn.jintan.quality.workbook;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Opens a received file as a {@link WorkbookFile}, deciding first by its bytes (not its name) what
 * it is. {@code .xlsx} is streamed by {@link XlsxWorkbookFile}; {@code .xls} (at most 65,536 rows) is read by HSSF. POI's zip
 * and XML guards stay on: tripping them is {@link FileProblem#UNSAFE}, never a crash.
 */
public final class Workbooks {

    private Workbooks() {
    }

    public static WorkbookFile open(Path file, long maxBytes) throws WorkbookRejectedException {
        long size;
        FileMagic magic;
        try {
            size = Files.size(file);
            if (size == 0) {
                throw new WorkbookRejectedException(FileProblem.UNREADABLE, "empty file", null);
            }
            if (size > maxBytes) {
                throw new WorkbookRejectedException(FileProblem.TOO_LARGE, size + " bytes > " + maxBytes, null, size);
            }
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                magic = FileMagic.valueOf(in);
            }
        } catch (IOException e) {
            throw new WorkbookRejectedException(FileProblem.UNREADABLE, e.getMessage(), e);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsm") || name.endsWith(".xltm")) {
            throw new WorkbookRejectedException(FileProblem.MACRO, name, null);
        }
        if (!name.endsWith(".xlsx") && !name.endsWith(".xls")) {
            throw new WorkbookRejectedException(FileProblem.FORMAT, name, null); // csv, ods, et, xlsb...
        }
        // by content, not name: staff often rename an .xlsx to .xls and the other way round
        return switch (magic) {
            case OOXML -> openXlsx(file);
            case OLE2 -> openXls(file);
            default -> throw new WorkbookRejectedException(
                    looksLikeText(file) ? FileProblem.FORMAT : FileProblem.UNREADABLE, "content is " + magic, null);
        };
    }

    /** A renamed CSV or text file: no NUL byte at its start. */
    private static boolean looksLikeText(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(512);
            for (byte b : head) {
                if (b == 0) {
                    return false;
                }
            }
            return head.length > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A shared strings table larger than this (uncompressed XML) is kept in a memory-mapped temporary
     * file rather than the heap: a million distinct enterprise names are ~130 MB of Strings, half of a
     * 256 MB heap. Small files, the usual ones, keep the faster in-heap table.
     */
    static final long SST_IN_HEAP_MAX_BYTES = 8L * 1024 * 1024;

    private static WorkbookFile openXlsx(Path file) throws WorkbookRejectedException {
        boolean largeSharedStrings;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("xl/workbook.xml") == null && zip.getEntry("xl/workbook.bin") == null) {
                // a zip but not a spreadsheet: .ods, .docx, a renamed archive
                throw new WorkbookRejectedException(FileProblem.FORMAT, "zip without xl/workbook.xml", null);
            }
            if (zip.stream().map(ZipEntry::getName).anyMatch(n -> n.toLowerCase(Locale.ROOT).endsWith("vbaproject.bin"))) {
                throw new WorkbookRejectedException(FileProblem.MACRO, "carries a VBA project", null);
            }
            checkDeclaredSizes(zip);
            ZipEntry sst = zip.getEntry("xl/sharedStrings.xml");
            largeSharedStrings = sst != null && (sst.getSize() < 0 || sst.getSize() > SST_IN_HEAP_MAX_BYTES);
        } catch (IOException e) {
            throw new WorkbookRejectedException(FileProblem.UNREADABLE, e.getMessage(), e);
        }
        OPCPackage pkg;
        try {
            // read-only, through POI's ZipSecureFile: its inflate-ratio and entry-size guards stay on
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (Exception e) {
            throw classify(e);
        }
        try {
            return new XlsxWorkbookFile(pkg, largeSharedStrings);
        } catch (Exception e) {
            pkg.revert();
            throw classify(e);
        }
    }

    /**
     * POI's zip-bomb limits ({@link ZipSecureFile}) applied up front to the sizes the zip declares,
     * for every entry: the streaming guard only sees the bytes actually inflated, and a sheet is not
     * always read to its end (the reader stops at a total row). The streaming guard stays on as well,
     * for sizes that lie.
     */
    private static void checkDeclaredSizes(ZipFile zip) throws WorkbookRejectedException {
        if (zip.size() > ZipSecureFile.getMaxFileCount()) {
            throw new WorkbookRejectedException(FileProblem.UNSAFE, "too many entries: " + zip.size(), null);
        }
        for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
            ZipEntry entry = entries.nextElement();
            long size = entry.getSize();
            long compressed = entry.getCompressedSize();
            if (size > ZipSecureFile.getMaxEntrySize()) {
                throw new WorkbookRejectedException(FileProblem.UNSAFE,
                        entry.getName() + ": " + size + " bytes exceeds the maximum entry size", null);
            }
            if (size > ZipSecureFile.getGraceEntrySize() && compressed >= 0
                    && (double) compressed / size < ZipSecureFile.getMinInflateRatio()) {
                throw new WorkbookRejectedException(FileProblem.UNSAFE,
                        "Zip bomb detected: " + entry.getName() + " inflates " + size + " bytes from " + compressed, null);
            }
        }
    }

    private static WorkbookFile openXls(Path file) throws WorkbookRejectedException {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            if (fs.getRoot().hasEntryCaseInsensitive("EncryptionInfo")) {
                throw new WorkbookRejectedException(FileProblem.ENCRYPTED, "encrypted OOXML package", null);
            }
            if (fs.getRoot().hasEntryCaseInsensitive("_VBA_PROJECT_CUR")) {
                throw new WorkbookRejectedException(FileProblem.MACRO, "carries a VBA project", null);
            }
            if (!fs.getRoot().hasEntryCaseInsensitive("Workbook") && !fs.getRoot().hasEntryCaseInsensitive("Book")) {
                throw new WorkbookRejectedException(FileProblem.FORMAT, "OLE2 file without a workbook stream", null);
            }
        } catch (IOException | RuntimeException e) {
            throw classify(e);
        }
        try {
            // read-only POIFS: HSSF never writes back to the staff's file
            HSSFWorkbook wb = new HSSFWorkbook(new POIFSFileSystem(file.toFile(), true).getRoot(), false);
            return new PoiWorkbookFile(wb);
        } catch (IOException | RuntimeException e) {
            throw classify(e);
        }
    }

    /** Maps what POI and our .xlsx reader throw to the rule the staff will read. */
    public static WorkbookRejectedException classify(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof WorkbookRejectedException r) {
                return r;
            }
            if (t instanceof EncryptedDocumentException) {
                return new WorkbookRejectedException(FileProblem.ENCRYPTED, String.valueOf(t.getMessage()), e);
            }
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("zip bomb") || m.contains("entity expansion") || m.contains("doctype")
                    || m.contains("exceeds the") || m.contains("max entries") || m.contains("too many")) {
                return new WorkbookRejectedException(FileProblem.UNSAFE, t.getMessage(), e);
            }
        }
        return new WorkbookRejectedException(FileProblem.UNREADABLE, String.valueOf(e.getMessage()), e);
    }
}
