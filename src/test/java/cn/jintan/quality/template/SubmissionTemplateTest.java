package cn.jintan.quality.template;

import cn.jintan.quality.cli.Main;
import cn.jintan.quality.domain.Column;
import cn.jintan.quality.domain.CoverField;
import cn.jintan.quality.domain.FeeItem;
import cn.jintan.quality.domain.Industry;
import cn.jintan.quality.domain.SubmissionSheet;
import cn.jintan.quality.domain.UnitRegistry;
import cn.jintan.quality.domain.Vocabulary;
import cn.jintan.quality.testing.TestWorkbook;
import cn.jintan.quality.validation.ParsedRow;
import cn.jintan.quality.validation.Submission;
import cn.jintan.quality.validation.SubmissionValidator;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static cn.jintan.quality.domain.SubmissionSheet.FEES;
import static cn.jintan.quality.domain.SubmissionSheet.FINANCING;
import static cn.jintan.quality.domain.SubmissionSheet.QUALITY;
import static org.assertj.core.api.Assertions.assertThat;

class SubmissionTemplateTest {

    static final UnitRegistry REGISTRY = UnitRegistry.load(Path.of("jobs"));

    @TempDir
    Path dir;

    private Path template() {
        Path file = dir.resolve("模板.xlsx");
        assertThat(Main.execute("template", "--out", file.toString(), "--jobs", "jobs")).isZero();
        return file;
    }

    private static Workbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return WorkbookFactory.create(in);
        }
    }

    /** Fills the template as staff would: the cover, two enterprises, one financing item, two fee amounts. */
    @Test
    void aTemplateFilledInLikeStaffDoIsAccepted() throws IOException {
        Path file = template();
        try (Workbook wb = open(file)) {
            Sheet cover = wb.getSheet("封面");
            cover(cover, CoverField.UNIT, "直溪镇");
            cover(cover, CoverField.PERIOD, "2020-11");
            cover(cover, CoverField.FILLED_BY, "王丽");
            cover(cover, CoverField.PHONE, "13912345678");
            row(wb, QUALITY, 0, Map.of("企业名称", "常州斯威克光伏新材料有限公司", "统一社会信用代码", TestWorkbook.CODE_A,
                    "所属产业", "光伏新能源", "重点企业", "是", "首席质量官", "是", "国家标准", 2));
            row(wb, QUALITY, 1, Map.of("企业名称", "江苏直溪机械有限公司", "统一社会信用代码", TestWorkbook.CODE_B,
                    "所属产业", "其他", "质量奖申报", "市长质量奖"));
            row(wb, FINANCING, 0, Map.of("市场主体名称", "江苏直溪机械有限公司", "统一社会信用代码", TestWorkbook.CODE_B,
                    "登记类型", "股权出质", "登记件数", 1, "融资金额（万元）", 300.5, "登记日期", LocalDate.of(2020, 11, 20)));
            row(wb, FEES, 0, Map.of("金额（万元）", 10.5, "惠及市场主体（户）", 12));
            row(wb, FEES, 3, Map.of("金额（万元）", 1.25));
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        List<ParsedRow> rows = new ArrayList<>();
        Submission s = new SubmissionValidator(REGISTRY, 20L << 20).validate(file, "直溪镇-2020-11.xlsx", YearMonth.of(2020, 12), rows::add);

        assertThat(s.issues()).isEmpty();
        assertThat(s.accepted()).isTrue();
        assertThat(s.cover().unit()).map(u -> u.code()).contains("zhixi");
        assertThat(s.rowCounts()).containsEntry(QUALITY, 2).containsEntry(FINANCING, 1).containsEntry(FEES, 5);
        assertThat(rows.stream().filter(r -> r.sheet() == FEES).map(r -> r.values()[0]))
                .containsExactly(FeeItem.values()[0].name(), FeeItem.values()[1].name(), FeeItem.values()[2].name(),
                        FeeItem.values()[3].name(), FeeItem.values()[4].name());
    }

    @Test
    void theBlankTemplateIsItselfRejectedOnlyForTheMissingCover() {
        Path file = template();
        Submission s = new SubmissionValidator(REGISTRY, 20L << 20).validate(file, "模板.xlsx", YearMonth.of(2020, 12), r -> { });
        assertThat(s.issues()).extracting(i -> i.code()).containsOnly("cover.missing");
    }

    @Test
    void sheetsHeadersAndFeeItemsComeFromTheValidatorsTables() throws IOException {
        try (Workbook wb = open(template())) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            assertThat(names).isEqualTo(SubmissionSheet.requiredSheetNames());
            for (SubmissionSheet spec : SubmissionSheet.values()) {
                Row header = wb.getSheet(spec.sheetName()).getRow(SubmissionTemplate.HEADER_ROW);
                List<String> headers = new ArrayList<>();
                header.forEach(c -> headers.add(c.getStringCellValue()));
                assertThat(headers).isEqualTo(spec.columns().stream().map(Column::header).toList());
            }
            assertThat(wb.getSheet("融资助企").getRow(SubmissionTemplate.HEADER_ROW).getCell(4).getStringCellValue()).isEqualTo("融资金额（万元）");
            Sheet fees = wb.getSheet("减费让利");
            for (int i = 0; i < FeeItem.values().length; i++) {
                assertThat(fees.getRow(SubmissionTemplate.HEADER_ROW + 1 + i).getCell(0).getStringCellValue())
                        .isEqualTo(FeeItem.values()[i].spelling());
            }
            Sheet cover = wb.getSheet("封面");
            for (CoverField field : CoverField.values()) {
                assertThat(cover.getRow(SubmissionTemplate.COVER_FIRST_FIELD_ROW + field.ordinal()).getCell(0).getStringCellValue())
                        .isEqualTo(field.label());
            }
        }
    }

    @Test
    void everyColumnHasItsExcelInputCheck() throws IOException {
        try (Workbook wb = open(template())) {
            XSSFSheet quality = (XSSFSheet) wb.getSheet("质量提升");
            assertThat(validation(quality, QUALITY, "所属产业").getValidationConstraint().getExplicitListValues())
                    .containsExactlyElementsOf(Vocabulary.spellings(Industry.class));
            assertThat(validation(quality, QUALITY, "首席质量官").getValidationConstraint().getExplicitListValues())
                    .containsExactly("是", "否");
            assertThat(validation(quality, QUALITY, "质量信用等级申报").getValidationConstraint().getExplicitListValues())
                    .containsExactly("无", "A", "AA", "AAA");
            DataValidation standards = validation(quality, QUALITY, "国家标准");
            assertThat(standards.getValidationConstraint().getValidationType()).isEqualTo(ValidationType.INTEGER);
            assertThat(standards.getValidationConstraint().getFormula1()).isEqualTo("0");
            assertThat(standards.getValidationConstraint().getFormula2()).isEqualTo("1000");
            assertThat(validation(quality, QUALITY, "省级标准化试点").getValidationConstraint().getFormula2()).isEqualTo("100");
            assertThat(validation(quality, QUALITY, "统一社会信用代码").getValidationConstraint().getValidationType())
                    .isEqualTo(ValidationType.TEXT_LENGTH);
            assertThat(standards.getRegions().getCellRangeAddress(0).getLastRow())
                    .isEqualTo(SubmissionTemplate.HEADER_ROW + SubmissionTemplate.INPUT_ROWS);

            XSSFSheet financing = (XSSFSheet) wb.getSheet("融资助企");
            DataValidation amount = validation(financing, FINANCING, "融资金额（万元）");
            assertThat(amount.getValidationConstraint().getValidationType()).isEqualTo(ValidationType.DECIMAL);
            assertThat(amount.getValidationConstraint().getFormula1()).isEqualTo("0");
            assertThat(amount.getValidationConstraint().getFormula2()).isEqualTo("10000000");
            assertThat(validation(financing, FINANCING, "登记件数").getValidationConstraint().getFormula1()).isEqualTo("1");
            assertThat(validation(financing, FINANCING, "登记日期").getValidationConstraint().getValidationType()).isEqualTo(ValidationType.DATE);
            assertThat(validation(financing, FINANCING, "登记类型").getValidationConstraint().getExplicitListValues())
                    .containsExactly("动产抵押", "股权出质", "知识产权质押", "其他");
            assertThat(validation((XSSFSheet) wb.getSheet("减费让利"), FEES, "惠及市场主体（户）").getValidationConstraint()
                    .getValidationType()).isEqualTo(ValidationType.INTEGER);

            // the cover's unit drop-down lists the registry's names
            XSSFSheet cover = (XSSFSheet) wb.getSheet("封面");
            int unitRow = SubmissionTemplate.COVER_FIRST_FIELD_ROW + CoverField.UNIT.ordinal();
            DataValidation units = cover.getDataValidations().stream()
                    .filter(v -> v.getRegions().getCellRangeAddress(0).isInRange(unitRow, 1)).findFirst().orElseThrow();
            assertThat(units.getValidationConstraint().getValidationType()).isEqualTo(ValidationType.LIST);
            CellRangeAddress list = CellRangeAddress.valueOf(units.getValidationConstraint().getFormula1().replace("$", ""));
            List<String> names = new ArrayList<>();
            for (int r = list.getFirstRow(); r <= list.getLastRow(); r++) {
                names.add(cover.getRow(r).getCell(list.getFirstColumn()).getStringCellValue());
            }
            assertThat(names).isEqualTo(REGISTRY.units().stream().map(u -> u.name()).toList());
            assertThat(list.getFirstRow()).isGreaterThanOrEqualTo(20); // below the rows the cover is read from
        }
    }

    @Test
    void headersAreProtectedAndInputCellsAreNot() throws IOException {
        try (Workbook wb = open(template())) {
            for (Sheet sheet : wb) {
                assertThat(sheet.getProtect()).as(sheet.getSheetName()).isTrue();
            }
            XSSFSheet quality = (XSSFSheet) wb.getSheet("质量提升");
            assertThat(quality.getRow(SubmissionTemplate.HEADER_ROW).getCell(0).getCellStyle().getLocked()).isTrue();
            assertThat(quality.getRow(0).getCell(0).getCellStyle().getLocked()).isTrue();
            for (int c = 0; c < QUALITY.columns().size(); c++) {
                CellStyle input = quality.getColumnStyle(c);
                assertThat(input.getLocked()).as("column " + c).isFalse();
            }
            Sheet fees = wb.getSheet("减费让利");
            assertThat(fees.getRow(SubmissionTemplate.HEADER_ROW + 1).getCell(0).getCellStyle().getLocked()).isTrue();
            assertThat(fees.getRow(SubmissionTemplate.HEADER_ROW + 1).getCell(1).getCellStyle().getLocked()).isFalse();
            Sheet cover = wb.getSheet("封面");
            assertThat(cover.getRow(SubmissionTemplate.COVER_FIRST_FIELD_ROW).getCell(0).getCellStyle().getLocked()).isTrue();
            assertThat(cover.getRow(SubmissionTemplate.COVER_FIRST_FIELD_ROW).getCell(1).getCellStyle().getLocked()).isFalse();
            // no formula anywhere in what we wrote
            wb.forEach(sheet -> sheet.forEach(row -> row.forEach(cell ->
                    assertThat(cell.getCellType()).isNotEqualTo(org.apache.poi.ss.usermodel.CellType.FORMULA))));
        }
    }

    private static DataValidation validation(XSSFSheet sheet, SubmissionSheet spec, String header) {
        int column = spec.columns().indexOf(spec.columns().stream().filter(c -> c.header().equals(header)).findFirst().orElseThrow());
        Optional<? extends DataValidation> found = sheet.getDataValidations().stream()
                .filter(v -> v.getRegions().getCellRangeAddress(0).isInRange(SubmissionTemplate.HEADER_ROW + 1, column))
                .findFirst();
        assertThat(found).as(header).isPresent();
        return found.get();
    }

    private static void cover(Sheet cover, CoverField field, String value) {
        cover.getRow(SubmissionTemplate.COVER_FIRST_FIELD_ROW + field.ordinal()).getCell(1).setCellValue(value);
    }

    private static void row(Workbook wb, SubmissionSheet spec, int index, Map<String, Object> values) {
        Sheet sheet = wb.getSheet(spec.sheetName());
        int r = SubmissionTemplate.HEADER_ROW + 1 + index;
        Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
        CellStyle date = wb.createCellStyle();
        date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
        values.forEach((header, value) -> {
            int c = spec.columns().stream().map(Column::header).toList().indexOf(header);
            var cell = row.getCell(c) == null ? row.createCell(c) : row.getCell(c);
            if (value instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else if (value instanceof LocalDate d) {
                cell.setCellValue(d);
                cell.setCellStyle(date);
            } else {
                cell.setCellValue(value.toString());
            }
        });
    }
}
