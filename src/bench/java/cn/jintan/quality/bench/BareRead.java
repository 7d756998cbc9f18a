package cn.jintan.quality.bench;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dhatim.fastexcel.reader.ReadableWorkbook;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The baselines, each run in its own JVM by {@link Bench}: {@code fastexcel FILE} reads every cell
 * of every sheet with fastexcel-reader and discards it; {@code poi FILE} loads the file into POI's
 * user model ({@code XSSFWorkbook}) and visits every cell; {@code stax FILE}, the headline
 * baseline, opens the zip with java.util.zip and makes one plain JDK StAX pass over
 * sharedStrings.xml and every sheet, touching every cell value. Prints the cell count; exits 3 on OOM.
 */
public final class BareRead {

    private BareRead() {
    }

    public static void main(String[] args) throws Exception {
        long cells;
        try {
            cells = switch (args[0]) {
                case "fastexcel" -> fastexcel(Path.of(args[1]).toFile());
                case "poi" -> poi(Path.of(args[1]).toFile());
                case "stax" -> stax(Path.of(args[1]).toFile());
                default -> throw new IllegalArgumentException(args[0]);
            };
        } catch (OutOfMemoryError e) {
            System.out.println("OOM");
            System.exit(3);
            return;
        }
        System.out.println("cells=" + cells);
    }

    private static long fastexcel(File file) throws Exception {
        long cells = 0;
        long chars = 0;
        try (ReadableWorkbook wb = new ReadableWorkbook(file)) {
            for (org.dhatim.fastexcel.reader.Sheet sheet : (Iterable<org.dhatim.fastexcel.reader.Sheet>) wb.getSheets()::iterator) {
                try (Stream<org.dhatim.fastexcel.reader.Row> rows = sheet.openStream()) {
                    for (org.dhatim.fastexcel.reader.Row row : (Iterable<org.dhatim.fastexcel.reader.Row>) rows::iterator) {
                        for (int c = 0; c < row.getCellCount(); c++) {
                            org.dhatim.fastexcel.reader.Cell cell = row.getCell(c);
                            if (cell != null) {
                                cells++;
                                chars += cell.getRawValue() == null ? 0 : cell.getRawValue().length();
                            }
                        }
                    }
                }
            }
        }
        return cells + (chars == -1 ? 1 : 0); // chars keeps the JIT from dropping the reads
    }

    private static long stax(File file) throws Exception {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        long cells = 0;
        long chars = 0;
        try (ZipFile zip = new ZipFile(file)) {
            List<? extends ZipEntry> parts = zip.stream().filter(e -> e.getName().equals("xl/sharedStrings.xml")
                    || e.getName().startsWith("xl/worksheets/") && e.getName().endsWith(".xml")).toList();
            for (ZipEntry part : parts) {
                try (InputStream in = zip.getInputStream(part)) {
                    XMLStreamReader xml = factory.createXMLStreamReader(in);
                    while (xml.hasNext()) {
                        // <v> of a cell, <t> of a shared or inline string: every value's text
                        if (xml.next() == XMLStreamConstants.START_ELEMENT
                                && (xml.getLocalName().equals("v") || xml.getLocalName().equals("t"))) {
                            cells++;
                            chars += xml.getElementText().length();
                        }
                    }
                    xml.close();
                }
            }
        }
        System.out.println("StAX: " + factory.getClass().getName());
        return cells + (chars == -1 ? 1 : 0);
    }

    private static long poi(File file) throws Exception {
        long cells = 0;
        try (XSSFWorkbook wb = new XSSFWorkbook(org.apache.poi.openxml4j.opc.OPCPackage.open(file,
                org.apache.poi.openxml4j.opc.PackageAccess.READ))) {
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        cells += cell.toString().isEmpty() ? 0 : 1;
                    }
                }
            }
        }
        return cells;
    }
}
