package cn.jintan.quality.workbook;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.xssf.usermodel.XSSFRelation;

import javax.xml.stream.XMLStreamException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** The shared strings table of an {@code .xlsx}: cell value by index, normalised once. */
interface SharedStrings {

    SharedStrings NONE = new SharedStrings() {
        @Override
        public CellValue get(int index) {
            throw new IllegalStateException("shared string " + index + " but the workbook has no shared strings table");
        }

        @Override
        public void close() {
        }
    };

    CellValue get(int index);

    void close() throws IOException;

    /** The package's table: in the heap, or memory-mapped when {@code large} (see {@link Workbooks}). */
    static SharedStrings of(OPCPackage pkg, boolean large) throws IOException, XMLStreamException {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            return NONE;
        }
        try (InputStream in = parts.get(0).getInputStream()) {
            if (large) {
                return new MappedSharedStrings(in, MappedSharedStrings.MAX_BYTES);
            }
            List<String> raw = new ArrayList<>();
            SharedStringsXml.parse(in, raw::add);
            return new InHeapSharedStrings(raw);
        }
    }
}
