package cn.jintan.quality.workbook;

import cn.jintan.quality.testing.HostileFiles;
import cn.jintan.quality.testing.TestWorkbook;
import cn.jintan.quality.testing.TestWorkbook.Format;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.jintan.quality.domain.SubmissionSheet.QUALITY;
import static org.assertj.core.api.Assertions.assertThat;

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
        Map<String, List<SheetRow>> ours = new HashMap<>();
        try (WorkbookFile wb = Workbooks.open(file, 1 << 20)) {
            for (String sheet : wb.sheetNames()) {
                List<SheetRow> rows = new ArrayList<>();
                wb.rows(sheet).forEachRemaining(rows::add);
                ours.put(sheet, rows);
            }
        }
        Map<String, List<SheetRow>> poi = new HashMap<>();
        try (WorkbookFile wb = new PoiWorkbookFile(new XSSFWorkbook(OPCPackage.open(file.toFile(), PackageAccess.READ)))) {
            for (String sheet : wb.sheetNames()) {
                List<SheetRow> rows = new ArrayList<>();
                wb.rows(sheet).forEachRemaining(rows::add);
                poi.put(sheet, rows);
            }
        }
        assertThat(ours).hasSizeGreaterThan(1).isEqualTo(poi);
    }
}
