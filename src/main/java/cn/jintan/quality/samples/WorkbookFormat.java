package cn.jintan.quality.samples;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.util.CodePageUtil;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** The two file formats staff save in; the sheets are written through POI's common user model. */
enum WorkbookFormat {
    XLSX(".xlsx"),
    /** Excel 97-2003, still the default of some office installations in the townships. */
    XLS(".xls");

    /** A fixed creation time, so that every run writes the same document properties. */
    private static final Date CREATED = Date.from(Instant.parse("2020-12-01T00:00:00Z"));
    private static final LocalDateTime ZIP_TIME = LocalDateTime.of(2020, 12, 1, 8, 0);

    private final String extension;

    WorkbookFormat(String extension) {
        this.extension = extension;
    }

    String extension() {
        return extension;
    }

    Workbook create() {
        return this == XLSX ? new XSSFWorkbook() : new HSSFWorkbook();
    }

    /**
     * Saves so that every run gives the same bytes (and the same SHA-256, which the pipeline uses to
     * recognise a file it has already processed).
     */
    void save(Workbook workbook, OutputStream out) throws IOException {
        if (workbook instanceof XSSFWorkbook xssf) {
            // a new XSSFWorkbook stamps "now" into docProps/core.xml and into every zip entry
            xssf.getProperties().getCoreProperties().setCreated(Optional.of(CREATED));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            xssf.write(bytes);
            restampZip(bytes.toByteArray(), out);
        } else {
            HSSFWorkbook hssf = (HSSFWorkbook) workbook;
            // Excel always writes the two property streams; without them POI warns on every save
            hssf.createInformationProperties();
            hssf.getSummaryInformation().getFirstSection().setCodepage(CodePageUtil.CP_UNICODE);
            hssf.getDocumentSummaryInformation().getFirstSection().setCodepage(CodePageUtil.CP_UNICODE);
            hssf.write(out);
        }
    }

    /** Copies a zip entry by entry, in order, with a fixed modification time. */
    private static void restampZip(byte[] zip, OutputStream out) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream copy = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                ZipEntry stamped = new ZipEntry(entry.getName());
                stamped.setTimeLocal(ZIP_TIME);
                copy.putNextEntry(stamped);
                in.transferTo(copy);
                copy.closeEntry();
            }
        }
    }
}
