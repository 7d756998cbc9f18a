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

/** Text that looks like a formula stays text in the summary workbook (OWASP "CSV injection"). */
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
}
