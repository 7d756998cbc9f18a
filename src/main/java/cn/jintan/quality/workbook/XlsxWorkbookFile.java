package cn.jintan.quality.workbook;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.xssf.eventusermodel.XSSFReader;

import javax.xml.stream.XMLStreamException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@code .xlsx} read straight from its sheet XML with a StAX stream reader ({@link XlsxRows}): one pass,
 * no object per XML event, no formatted value per cell. The package is opened by POI read-only
 * ({@link OPCPackage#open(java.io.File, org.apache.poi.openxml4j.opc.PackageAccess)}), so POI's
 * {@code ZipSecureFile} guards (inflate ratio, entry size, entry count) stay on every entry we read.
 *
 * <p>Cell semantics are those of {@link PoiWorkbookFile#read} ({@link XlsxCells}): text NFKC-normalised,
 * numbers, dates by the style's number format (1904 date system included, {@link XlsxStyles}), booleans,
 * cached formula values and errors; a formula without a cached value is {@link CellValue.Kind#FORMULA_NO_VALUE}.
 */
final class XlsxWorkbookFile implements WorkbookFile {

    private final OPCPackage pkg;
    private final Map<String, PackagePart> sheets = new LinkedHashMap<>();
    private final SharedStrings strings;
    private final XlsxCells cells;
    private final List<XlsxRows> open = new ArrayList<>();

    /** Opens the package; the caller maps exceptions with {@link Workbooks#classify}. */
    XlsxWorkbookFile(OPCPackage pkg, boolean largeSharedStrings) throws Exception {
        this.pkg = pkg;
        XSSFReader reader = new XSSFReader(pkg);
        XSSFReader.SheetIterator it = reader.getSheetIterator();
        while (it.hasNext()) {
            try (InputStream ignored = it.next()) {
                sheets.putIfAbsent(it.getSheetName(), it.getSheetPart());
            }
        }
        XlsxStyles styles = new XlsxStyles(reader);
        strings = SharedStrings.of(pkg, largeSharedStrings);
        cells = new XlsxCells(strings, styles);
    }

    /** The temporary file of a large shared strings table (already deleted where the OS allows), else null; for tests. */
    Path sharedStringsFile() {
        return strings instanceof MappedSharedStrings mapped ? mapped.file : null;
    }

    @Override
    public List<String> sheetNames() {
        return new ArrayList<>(sheets.keySet());
    }

    @Override
    public Iterator<SheetRow> rows(String sheetName) {
        PackagePart part = sheets.get(sheetName);
        if (part == null) {
            throw new IllegalArgumentException("no sheet " + sheetName);
        }
        try {
            XlsxRows rows = new XlsxRows(part.getInputStream(), cells);
            open.add(rows);
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (XMLStreamException e) {
            throw XlsxXml.failure(e);
        }
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (XlsxRows rows : open) {
            rows.closeQuietly();
        }
        open.clear();
        try {
            strings.close();
        } catch (IOException e) {
            failure = new UncheckedIOException(e);
        }
        pkg.revert(); // opened read-only: nothing to write back
        if (failure != null) {
            throw failure;
        }
    }
}
