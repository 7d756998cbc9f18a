package cn.jintan.quality.workbook;

import cn.jintan.quality.testing.HostileFiles;
import cn.jintan.quality.testing.TestWorkbook;
import cn.jintan.quality.testing.TestWorkbook.Format;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTPhoneticRun;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

import static cn.jintan.quality.domain.SubmissionSheet.QUALITY;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The .xlsx reader on sheet XML as other writers save it, and against POI's user model. */
class XlsxWorkbookFileTest {

    @TempDir
    Path dir;

    /** A workbook whose styles hold a date format at index 1 and whose shared strings hold "共享 名称" at 0. */
    private Path base() throws Exception {
        Path file = dir.resolve("base.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            Sheet sheet = wb.createSheet("质量提升");
            Row row = sheet.createRow(0);
            row.createCell(0).setCellValue("共享 名称");
            row.createCell(1).setCellStyle(date);
            wb.write(out);
        }
        return file;
    }

    @Test
    void rowsWithoutReferencesRichInlineStringsAndEveryCellType() throws Exception {
        String sheetXml = """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
                <row><c t="inlineStr"><is><r><t>常州</t></r><r><rPr><b/></rPr><t xml:space="preserve">斯威克 </t></r><rPh sb="0" eb="1"><t>ジョウ</t></rPh></is></c><c t="s"><v>0</v></c></row>
                <row><c><v>42</v></c><c s="1"><v>44140</v></c><c t="b"><v>1</v></c><c t="e"><v>#DIV/0!</v></c><c><f>1/0</f></c><c t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c t="e"><f>1/0</f><v>#DIV/0!</v></c><c t="str"><f>A1</f><v></v></c></row>
                <row r="5"><c r="C5" t="inlineStr"><is><t>ＡＢＣ１２３</t></is></c><c><v>1.5</v></c><c r="F5" s="1"/></row>
                <row><c r="B6"><v>7</v></c></row>
                </sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>
                """;
        Path file = HostileFiles.withEntry(base(), dir.resolve("hand-written.xlsx"), "xl/worksheets/sheet1.xml", sheetXml);

        List<SheetRow> rows = new ArrayList<>();
        try (WorkbookFile wb = Workbooks.open(file, 1 << 20)) {
            assertThat(wb).isInstanceOf(XlsxWorkbookFile.class);
            assertThat(wb.sheetNames()).containsExactly("质量提升");
            wb.rows("质量提升").forEachRemaining(rows::add);
        }

        assertThat(rows).extracting(SheetRow::index).containsExactly(0, 1, 4, 5);
        assertThat(rows.get(0).cells()).isEqualTo(Map.of(
                0, CellValue.text("常州斯威克"),  // runs joined, phonetic run left out, trimmed
                1, CellValue.text("共享 名称")));
        assertThat(rows.get(1).cells()).isEqualTo(Map.of(
                0, CellValue.number(42),
                1, CellValue.date(LocalDateTime.of(2020, 11, 5, 0, 0)),
                2, CellValue.bool(true),
                3, CellValue.error("#DIV/0!"),
                4, CellValue.formulaWithoutValue("1/0"),
                5, CellValue.text("ab"),
                6, CellValue.error("#DIV/0!"),
                7, CellValue.formulaWithoutValue("A1")));
        assertThat(rows.get(2).cells()).isEqualTo(Map.of(2, CellValue.text("ABC123"), 3, CellValue.number(1.5)));
        assertThat(rows.get(3).cells()).isEqualTo(Map.of(1, CellValue.number(7)));
    }

    @Test
    void aDoctypeInASheetIsUnsafe() throws Exception {
        String sheetXml = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\">]>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>x</t></is></c></row></sheetData></worksheet>";
        Path file = HostileFiles.withEntry(base(), dir.resolve("doctype.xlsx"), "xl/worksheets/sheet1.xml", sheetXml);
        WorkbookRejectedException rejected = null;
        try (WorkbookFile wb = Workbooks.open(file, 1 << 20)) {
            wb.rows("质量提升").forEachRemaining(r -> { });
        } catch (RuntimeException e) {
            rejected = Workbooks.classify(e);
        }
        assertThat(rejected).isNotNull();
        assertThat(rejected.problem()).isEqualTo(FileProblem.UNSAFE);
    }

    /**
     * Every sheet of a submission reads as POI's user model (XSSFWorkbook through PoiWorkbookFile) reads
     * it. (Not for a formula without a cached value: XSSF gives 0 for it, we give FORMULA_NO_VALUE,
     * as the streaming reader did; see the test above.)
     */
    @Test
    void readsAsPoisUserModelDoes() throws Exception {
        Path file = TestWorkbook.valid()
                .set(QUALITY, 0, "国家标准", new TestWorkbook.Formula("1+1", true))
                .set(QUALITY, 1, "行业标准", new TestWorkbook.Formula("1/0", true))
                .write(dir.resolve("直溪镇-2020-11.xlsx"), Format.XLSX);
        Map<String, List<SheetRow>> ours;
        try (WorkbookFile wb = Workbooks.open(file, 1 << 20)) {
            ours = readAll(wb);
        }
        assertThat(ours).hasSizeGreaterThan(1).isEqualTo(readByPoi(file));
    }

    /**
     * The large-table path (UTF-8 in a mapped temporary file), forced on a small table, reads cell for
     * cell as the in-heap table and as POI's user model; its file and mapping are gone after close.
     */
    @Test
    void aLargeSharedStringsTableReadsAsTheInHeapOneAndPoiAndLeavesNothingBehind() throws Exception {
        Path file = dir.resolve("strings.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            XSSFFont bold = wb.createFont();
            bold.setBold(true);
            XSSFRichTextString rich = new XSSFRichTextString("常州斯威克 ");
            rich.applyFont(2, 6, bold);                                  // two runs: 常州 | 斯威克␠
            phonetic(rich, "ジョウシュウ");
            XSSFRichTextString plainWithPhonetic = new XSSFRichTextString("东京");
            phonetic(plainWithPhonetic, "トウキョウ");
            Sheet sheet = wb.createSheet("质量提升");
            Object[][] rows = {
                    {"共享 名称", rich, plainWithPhonetic, "", "   "},
                    {"𠀀", "𠀀号企业", "  前后空格  ", "\u3000全角空格\u3000", "ＡＢＣ１２３"},
                    {"a&b<c>\"'", "plain ascii", "长".repeat(300), "共享 名称", "𠀀号企业"},
            };
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] instanceof XSSFRichTextString text) {
                        row.createCell(c).setCellValue(text);
                    } else {
                        row.createCell(c).setCellValue((String) rows[r][c]);
                    }
                }
            }
            wb.write(out);
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            String sst = new String(zip.getInputStream(zip.getEntry("xl/sharedStrings.xml")).readAllBytes(), UTF_8);
            assertThat(sst).as("written by POI as Excel does").contains("<rPh", "<r>", "𠀀", "<si><t/></si>");
        }

        Map<String, List<SheetRow>> inHeap;
        try (XlsxWorkbookFile wb = new XlsxWorkbookFile(OPCPackage.open(file.toFile(), PackageAccess.READ), false)) {
            assertThat(wb.sharedStringsFile()).isNull();
            inHeap = readAll(wb);
        }
        Map<String, List<SheetRow>> mapped;
        Path tableFile;
        try (XlsxWorkbookFile wb = new XlsxWorkbookFile(OPCPackage.open(file.toFile(), PackageAccess.READ), true)) {
            tableFile = wb.sharedStringsFile();
            assertThat(tableFile).isNotNull();
            assertThat(mappings(tableFile)).as("mapped while open").isNotEmpty();
            mapped = readAll(wb);
        }
        assertThat(tableFile).doesNotExist();
        assertThat(mappings(tableFile)).as("unmapped on close").isEmpty();

        assertThat(mapped).isEqualTo(inHeap).isEqualTo(readByPoi(file));
        List<SheetRow> rows = mapped.get("质量提升");
        assertThat(rows.get(0).cells()).isEqualTo(Map.of(
                0, CellValue.text("共享 名称"),
                1, CellValue.text("常州斯威克"),   // runs joined, phonetic run left out, trimmed
                2, CellValue.text("东京")));       // "" and "   " are blank
        assertThat(rows.get(1).cells()).isEqualTo(Map.of(
                0, CellValue.text("𠀀"),
                1, CellValue.text("𠀀号企业"),
                2, CellValue.text("前后空格"),
                3, CellValue.text("全角空格"),
                4, CellValue.text("ABC123")));
        assertThat(rows.get(2).cell(0).text()).isEqualTo("a&b<c>\"'");
        assertThat(rows.get(2).cell(2).text()).hasSize(300);
    }

    /** One mapping holds 2 GB; a table needing more is refused as unreadable (here with a limit of 8 bytes). */
    @Test
    void aSharedStringsTableBeyondOneMappingIsUnreadable() throws Exception {
        Path file = base();
        Throwable thrown;
        try (ZipFile zip = new ZipFile(file.toFile());
             InputStream xml = zip.getInputStream(zip.getEntry("xl/sharedStrings.xml"))) {
            thrown = catchThrowable(() -> new MappedSharedStrings(xml, 8));
        }
        assertThat(thrown).isInstanceOf(IOException.class).hasMessageContaining("more than 8 bytes");
        assertThat(Workbooks.classify((Exception) thrown).problem()).isEqualTo(FileProblem.UNREADABLE);
    }

    /** Lines of /proc/self/maps naming the file (Linux); an empty list elsewhere. */
    private static List<String> mappings(Path file) throws IOException {
        Path maps = Path.of("/proc/self/maps");
        if (!Files.isReadable(maps)) {
            return List.of();
        }
        String name = file.getFileName().toString();
        return Files.readAllLines(maps).stream().filter(line -> line.contains(name)).toList();
    }

    private static void phonetic(XSSFRichTextString text, String reading) {
        CTPhoneticRun run = text.getCTRst().addNewRPh();
        run.setSb(0);
        run.setEb(text.length());
        run.setT(reading);
    }

    private static Map<String, List<SheetRow>> readAll(WorkbookFile wb) {
        Map<String, List<SheetRow>> sheets = new HashMap<>();
        for (String sheet : wb.sheetNames()) {
            List<SheetRow> rows = new ArrayList<>();
            wb.rows(sheet).forEachRemaining(rows::add);
            sheets.put(sheet, rows);
        }
        return sheets;
    }

    private static Map<String, List<SheetRow>> readByPoi(Path file) throws Exception {
        try (WorkbookFile wb = new PoiWorkbookFile(new XSSFWorkbook(OPCPackage.open(file.toFile(), PackageAccess.READ)))) {
            return readAll(wb);
        }
    }
}
