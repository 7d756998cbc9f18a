package cn.jintan.quality.report;

import cn.jintan.quality.aggregate.Briefing;
import cn.jintan.quality.aggregate.PeriodDetails;
import cn.jintan.quality.aggregate.PeriodFigures;
import cn.jintan.quality.domain.Industry;
import cn.jintan.quality.messages.Messages;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text that looks like a formula stays text in the summary workbook (OWASP "CSV injection"); a
 * province-sized note longer than a cell takes continues on the rows below.
 */
class SummaryWorkbookTest {

    @Test
    void textStartingWithFormulaCharactersStaysAStringAndNoCellIsAFormula(@TempDir Path dir) throws IOException {
        PeriodFigures figures = ReferenceFigures.figures();
        List<String> names = List.of("=HYPERLINK(\"http://x\",\"y\")", "+1+2", "-3", "@SUM(A1)");
        List<PeriodDetails.Honour> honours = new ArrayList<>();
        for (String name : names) {
            honours.add(new PeriodDetails.Honour(name, figures.units().get(0).unit(), true, false, "NONE"));
        }
        PeriodDetails details = new PeriodDetails(List.of(new PeriodDetails.IndustryRow(Industry.PHOTOVOLTAIC,
                BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.TEN)), honours, List.of(), List.of(), List.of());
        Briefing plain = Briefing.of(figures, "financing_amount_ytd");
        Briefing briefing = new Briefing(figures, null, null, List.of(), plain.ranking(), details, List.of());
        Path file = dir.resolve("summary-2020-11.xlsx");

        new SummaryWorkbook(Messages.catalogue()).write(briefing, file);

        try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).as(sheet.getSheetName() + "!" + cell.getAddress()).isNotEqualTo(CellType.FORMULA);
                    }
                }
            }
            Sheet sheet = wb.getSheet("质量荣誉");
            for (int i = 0; i < names.size(); i++) {
                Cell cell = sheet.getRow(i + 1).getCell(0);
                assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
                assertThat(cell.getStringCellValue()).isEqualTo(names.get(i));
            }
            // the units table: a money column is numeric with two decimals, the total row equals the district
            Sheet units = wb.getSheet("各单位");
            Row total = units.getRow(units.getLastRowNum());
            assertThat(total.getCell(1).getStringCellValue()).isEqualTo("已报送单位合计");
            assertThat(total.getCell(9).getNumericCellValue()).isEqualTo(667500.00);
            assertThat(total.getCell(9).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
        }
    }

    @Test
    void aNoteLongerThanACellTakesContinuesOnTheRowsBelowCutAfterASeparator(@TempDir Path dir) throws IOException {
        // a province month: 1,300 units, each sharing three enterprises with its neighbour (docs/scale-out.md)
        PeriodFigures figures = ReferenceFigures.figures();
        List<PeriodDetails.CrossDuplicate> shared = new ArrayList<>();
        for (int i = 0; i < 3_900; i++) {
            shared.add(new PeriodDetails.CrossDuplicate("91320482MA1X" + i, "常州市金坛区第" + i + "号精密机械制造有限公司",
                    List.of(figures.units().get(i % 13).unit(), figures.units().get((i + 1) % 13).unit())));
        }
        PeriodDetails details = new PeriodDetails(List.of(), List.of(), List.of(), shared, List.of());
        Briefing plain = Briefing.of(figures, "financing_amount_ytd");
        Briefing briefing = new Briefing(figures, null, null, List.of(), plain.ranking(), details, List.of());
        Messages messages = Messages.catalogue();
        String note = new DataNotes(messages).lines(briefing).get(2);
        assertThat(note.length()).isGreaterThan(3 * 32_767);
        Path file = dir.resolve("summary-2020-11.xlsx");

        new SummaryWorkbook(messages).write(briefing, file);

        try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
            Sheet notes = wb.getSheet("数据说明");
            List<String> pieces = new ArrayList<>();
            for (Row row : notes) {
                String text = row.getCell(0).getStringCellValue();
                assertThat(text.length()).isLessThanOrEqualTo(32_767);
                if (text.startsWith("3.") || !pieces.isEmpty() && !text.matches("^\\d\\. .*")) {
                    pieces.add(text);
                }
            }
            assertThat(pieces).hasSizeGreaterThan(3);
            assertThat(String.join("", pieces)).isEqualTo(note);
            pieces.subList(0, pieces.size() - 1).forEach(p -> assertThat(p).endsWith("、"));
            assertThat(notes.getRow(notes.getLastRowNum()).getCell(0).getStringCellValue()).startsWith("6.");
        }
    }
}
