package cn.jintan.quality.template;

import cn.jintan.quality.config.JobsFiles;
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
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import cn.jintan.quality.testing.Console;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
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

    static final UnitRegistry REGISTRY = JobsFiles.units(Path.of("jobs"));

    @TempDir
    Path dir;

    @RegisterExtension
    final Console console = new Console();

    private Path template() {
        return template("模板.xlsx");
    }

    private Path template(String name) {
        Path file = dir.resolve(name);
        assertThat(Main.execute("template", "--out", file.toString(), "--jobs", "jobs")).isZero();
        return file;
    }

    private static Workbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return WorkbookFactory.create(in);
        }
    }

    /** Fills the template as staff would (.xlsx and .xls): the cover, two enterprises, one financing item, two fee amounts. */
    @ParameterizedTest
    @ValueSource(strings = {"模板.xlsx", "模板.xls"})
    void aTemplateFilledInLikeStaffDoIsAccepted(String name) throws IOException {
        Path file = template(name);
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
        Submission s = new SubmissionValidator(REGISTRY, 20L << 20).validate(file, "直溪镇-2020-11" + name.substring(name.indexOf('.')),
                YearMonth.of(2020, 12), rows::add);

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
                        .isEqualTo(field.required() ? "*" + field.label() : field.label());
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

    @Test
    void anXlsTemplateIsARealExcel97WorkbookAndOtherNamesAreRefused() throws IOException {
        Path xls = template("模板.XLS");
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(xls))) {
            assertThat(FileMagic.valueOf(in)).isEqualTo(FileMagic.OLE2);
        }
        try (Workbook wb = open(xls)) {
            assertThat(wb).isInstanceOf(HSSFWorkbook.class);
            assertThat(wb.getNumberOfSheets()).isEqualTo(4);
        }
        for (String name : List.of("模板.csv", "模板", "模板.xlsm", "模板.xls.txt")) {
            console.reset();
            Path file = dir.resolve(name);
            assertThat(Main.execute("template", "--out", file.toString(), "--jobs", "jobs")).as(name).isEqualTo(Main.USAGE);
            assertThat(file).doesNotExist();
            assertThat(console.err()).contains("模板文件名须以 .xlsx 或 .xls 结尾", "nothing was written");
        }
    }

    /** Every input check, cover and tables, in both formats: a prompt when the cell is selected, an error box when refused. */
    @ParameterizedTest
    @ValueSource(strings = {"模板.xlsx", "模板.xls"})
    void everyInputCheckHasAChinesePromptAndErrorMessage(String name) throws IOException {
        try (Workbook wb = open(template(name))) {
            for (Sheet sheet : wb) {
                List<? extends DataValidation> validations = sheet.getDataValidations();
                int expected = sheet.getSheetName().equals("封面") ? CoverField.values().length
                        : SubmissionSheet.valueOf(sheetSpec(sheet.getSheetName()).name()).columns().size();
                assertThat(validations).as(sheet.getSheetName()).hasSize(expected);
                for (DataValidation v : validations) {
                    String where = sheet.getSheetName() + "!" + v.getRegions().getCellRangeAddress(0).formatAsString();
                    assertThat(v.getShowPromptBox()).as(where).isTrue();
                    assertThat(v.getPromptBoxTitle()).as(where).isNotBlank();
                    assertThat(v.getPromptBoxText()).as(where).isNotBlank().containsPattern("\\p{IsHan}");
                    assertThat(v.getShowErrorBox()).as(where).isTrue();
                    assertThat(v.getErrorBoxTitle()).as(where).isNotBlank();
                    assertThat(v.getErrorBoxText()).as(where).isNotBlank().containsPattern("\\p{IsHan}");
                }
            }
            DataValidation uscc = sheetValidation(wb.getSheet("质量提升"), QUALITY, "统一社会信用代码");
            assertThat(uscc.getPromptBoxTitle()).isEqualTo("统一社会信用代码");
            assertThat(uscc.getPromptBoxText()).startsWith("必填。").contains("18位");
            assertThat(sheetValidation(wb.getSheet("质量提升"), QUALITY, "国家标准").getPromptBoxText())
                    .isEqualTo("选填。请填写0至1000之间的整数。");
        }
    }

    /**
     * A4, landscape tables whose header row repeats on every page, one page wide and as many tall
     * as needed; 质量提升's 17 columns fit at a scale that keeps 10 pt text readable.
     */
    @ParameterizedTest
    @ValueSource(strings = {"模板.xlsx", "模板.xls"})
    void eachSheetPrintsOnA4OnePageWideWithTheHeaderRepeated(String name) throws IOException {
        try (Workbook wb = open(template(name))) {
            for (Sheet sheet : wb) {
                PrintSetup setup = sheet.getPrintSetup();
                String s = sheet.getSheetName();
                assertThat(setup.getPaperSize()).as(s).isEqualTo(PrintSetup.A4_PAPERSIZE);
                assertThat(sheet.getFitToPage()).as(s).isTrue();
                assertThat(setup.getFitWidth()).as(s).isEqualTo((short) 1);
                assertThat(setup.getFitHeight()).as(s).isZero();
                assertThat(sheet.getFooter().getCenter()).as(s).contains("&P", "&N");
                if (!s.equals("封面")) {
                    assertThat(setup.getLandscape()).as(s).isTrue();
                    assertThat(sheet.getRepeatingRows()).as(s).isEqualTo(
                            new CellRangeAddress(SubmissionTemplate.HEADER_ROW, SubmissionTemplate.HEADER_ROW, -1, -1));
                }
            }
            // the scale Excel will print 质量提升 at: printable width over the columns' width (7 px a
            // character at the default font, 5 px padding, 96 dpi)
            Sheet quality = wb.getSheet("质量提升");
            double pixels = 0;
            for (int c = 0; c < QUALITY.columns().size(); c++) {
                pixels += quality.getColumnWidth(c) / 256.0 * 7 + 5;
            }
            double printable = (297 / 25.4 - quality.getMargin(Sheet.LeftMargin) - quality.getMargin(Sheet.RightMargin)) * 96;
            assertThat(Math.min(1, printable / pixels)).as("print scale of 质量提升").isGreaterThan(0.85);
        }
    }

    /** The title spans the table and its row is high enough for the lines it wraps to: 减费让利's is not clipped. */
    @ParameterizedTest
    @ValueSource(strings = {"模板.xlsx", "模板.xls"})
    void eachTablesTitleSpansTheTableAndIsNotClipped(String name) throws IOException {
        try (Workbook wb = open(template(name))) {
            for (SubmissionSheet spec : SubmissionSheet.values()) {
                Sheet sheet = wb.getSheet(spec.sheetName());
                var title = sheet.getRow(0).getCell(0);
                assertThat(title.getStringCellValue()).isEqualTo("金坛区质量强区工作月报表——" + spec.sheetName());
                assertThat(sheet.getMergedRegions()).as(spec.sheetName())
                        .contains(new CellRangeAddress(0, 0, 0, spec.columns().size() - 1));
                int widthUnits = 0;
                for (int c = 0; c < spec.columns().size(); c++) {
                    widthUnits += sheet.getColumnWidth(c) / 256;
                }
                short points = wb.getFontAt(title.getCellStyle().getFontIndex()).getFontHeightInPoints();
                // a Chinese character is about two units wide at 11 pt
                double needed = title.getStringCellValue().length() * 2.0 * points / 11;
                int lines = (int) Math.ceil(needed / widthUnits);
                assertThat(lines == 1 || title.getCellStyle().getWrapText()).as(spec.sheetName()).isTrue();
                // every table, 减费让利's three columns too, is wide enough for its title on one line
                assertThat(lines).as(spec.sheetName()).isEqualTo(1);
                assertThat(sheet.getRow(0).getHeightInPoints()).as(spec.sheetName()).isGreaterThanOrEqualTo(lines * points * 1.2f);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"模板.xlsx", "模板.xls"})
    void requiredCoverFieldsCarryARedStarAndTheInstructionsSayWhereNotesGo(String name) throws IOException {
        try (Workbook wb = open(template(name))) {
            Sheet cover = wb.getSheet("封面");
            for (CoverField field : CoverField.values()) {
                var label = cover.getRow(SubmissionTemplate.COVER_FIRST_FIELD_ROW + field.ordinal()).getCell(0);
                String text = label.getStringCellValue();
                if (field.required()) {
                    assertThat(text).isEqualTo("*" + field.label());
                    assertThat(firstCharacterColour(label)).as(field.label()).isEqualTo(IndexedColors.RED.getIndex());
                } else {
                    assertThat(text).doesNotContain("*");
                }
            }
            assertThat(cover.getRow(1).getCell(0).getStringCellValue()).isEqualTo("带 * 的为必填项。");
            List<String> texts = new ArrayList<>();
            cover.forEach(row -> row.forEach(cell -> texts.add(cell.toString())));
            assertThat(texts).anyMatch(t -> t.startsWith("5.") && t.contains("空行") && t.contains("签名") && t.contains("封面"));
            for (SubmissionSheet spec : SubmissionSheet.values()) {
                assertThat(wb.getSheet(spec.sheetName()).getRow(1).getCell(0).getStringCellValue()).contains("不要留空行", "签名");
            }
        }
    }

    /** The colour of a rich text's first character (HSSF keeps the run's font in the workbook, XSSF inline). */
    private static short firstCharacterColour(org.apache.poi.ss.usermodel.Cell cell) {
        if (cell.getRichStringCellValue() instanceof org.apache.poi.hssf.usermodel.HSSFRichTextString h) {
            return cell.getSheet().getWorkbook().getFontAt(h.getFontAtIndex(0)).getColor();
        }
        return ((org.apache.poi.xssf.usermodel.XSSFRichTextString) cell.getRichStringCellValue()).getFontAtIndex(0).getColor();
    }

    private static SubmissionSheet sheetSpec(String sheetName) {
        for (SubmissionSheet spec : SubmissionSheet.values()) {
            if (spec.sheetName().equals(sheetName)) {
                return spec;
            }
        }
        throw new IllegalArgumentException(sheetName);
    }

    private static DataValidation sheetValidation(Sheet sheet, SubmissionSheet spec, String header) {
        int column = spec.columns().indexOf(spec.columns().stream().filter(c -> c.header().equals(header)).findFirst().orElseThrow());
        return sheet.getDataValidations().stream()
                .filter(v -> v.getRegions().getCellRangeAddress(0).isInRange(SubmissionTemplate.HEADER_ROW + 1, column))
                .findFirst().orElseThrow();
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
