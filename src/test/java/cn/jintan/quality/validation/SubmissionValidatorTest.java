package cn.jintan.quality.validation;

import cn.jintan.quality.config.JobsFiles;
import cn.jintan.quality.domain.SubmissionSheet;
import cn.jintan.quality.domain.UnitRegistry;
import cn.jintan.quality.testing.TestWorkbook;
import cn.jintan.quality.testing.TestWorkbook.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.jintan.quality.domain.SubmissionSheet.FEES;
import static cn.jintan.quality.domain.SubmissionSheet.FINANCING;
import static cn.jintan.quality.domain.SubmissionSheet.QUALITY;
import static org.assertj.core.api.Assertions.assertThat;

class SubmissionValidatorTest {

    private static final UnitRegistry REGISTRY = JobsFiles.units(Path.of("jobs"));
    private static final YearMonth NOW = YearMonth.of(2020, 12);

    @TempDir
    Path dir;

    private final List<ParsedRow> rows = new ArrayList<>();

    private Submission validate(TestWorkbook workbook, Format format) {
        Path file = workbook.write(dir.resolve("直溪镇-2020-11." + (format == Format.XLS ? "xls" : "xlsx")), format);
        return validate(file);
    }

    private Submission validate(Path file) {
        return new SubmissionValidator(REGISTRY, 20L * 1024 * 1024).validate(file, file.getFileName().toString(), NOW, rows::add);
    }

    private Issue single(Submission s, String code) {
        assertThat(s.issues()).extracting(Issue::code).containsExactly(code);
        return s.issues().get(0);
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void aValidWorkbookIsAcceptedWithEveryRowRead(Format format) {
        Submission s = validate(TestWorkbook.valid(), format);

        assertThat(s.issues()).isEmpty();
        assertThat(s.accepted()).isTrue();
        assertThat(s.cover().unit().orElseThrow().code()).isEqualTo("zhixi");
        assertThat(s.cover().period().orElseThrow().toString()).isEqualTo("2020-11");
        assertThat(s.rowCounts()).isEqualTo(Map.of(QUALITY, 2, FINANCING, 2, FEES, 5));
        assertThat(rows).hasSize(9);
        ParsedRow first = rows.get(0);
        assertThat(first.value("uscc")).isEqualTo(TestWorkbook.CODE_A);
        assertThat(first.value("industry")).isEqualTo("PHOTOVOLTAIC");
        assertThat(first.value("key_enterprise")).isEqualTo(true);
        assertThat(first.value("std_national")).isEqualTo(2);
        assertThat(first.value("std_local")).isEqualTo(0);
        assertThat(first.value("award")).isEqualTo("NONE");
        assertThat(first.value("standard_leader")).isEqualTo(true);
        assertThat(rows.get(1).value("std_local")).isEqualTo(3);
        assertThat(rows.get(1).value("credit_level")).isEqualTo("AA");
        ParsedRow loan = rows.get(2);
        assertThat(loan.value("amount")).isEqualTo(new BigDecimal("1200.50"));
        assertThat(loan.value("registration_date")).isEqualTo(LocalDate.of(2020, 11, 5));
        assertThat(rows.get(3).value("amount")).isEqualTo(new BigDecimal("300.00"));
        assertThat(rows.get(3).value("registration_date")).isEqualTo(LocalDate.of(2020, 11, 20));
        assertThat(rows.get(4).value("amount")).isEqualTo(new BigDecimal("10.50"));
        assertThat(rows.get(8).value("amount")).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void aWrongCheckCharacterIsReportedAtItsCell() {
        String bad = TestWorkbook.CODE_B.substring(0, 17) + (TestWorkbook.CODE_B.charAt(17) == '0' ? '1' : '0');
        Submission s = validate(TestWorkbook.valid().set(QUALITY, 1, "统一社会信用代码", bad), Format.XLSX);

        Issue issue = single(s, "uscc.checksum");
        assertThat(s.accepted()).isFalse();
        assertThat(issue.severity()).isEqualTo(Severity.ERROR);
        assertThat(issue.sheet()).isEqualTo("质量提升");
        assertThat(issue.cell()).isEqualTo("C4");
        assertThat(issue.row()).isEqualTo(4);
        assertThat(issue.column()).isEqualTo("统一社会信用代码");
        assertThat(issue.value()).isEqualTo(bad);
        // sheet, row, the enterprise of the row and the cell, like every other rule's message
        assertThat(issue.message()).isEqualTo("质量提升第4行企业\"江苏直溪机械有限公司\"的统一社会信用代码\"" + bad
                + "\"（C4单元格）校验位错误，可能有字符填错。请对照营业执照核对后重新填写。");
    }

    @Test
    void aCodeWithForbiddenLettersIsAFormatError() {
        Submission s = validate(TestWorkbook.valid().set(QUALITY, 0, "统一社会信用代码", "91320482MAIQ0A0B1X"), Format.XLSX);
        assertThat(single(s, "uscc.format").cell()).isEqualTo("C3");
    }

    @Test
    void textWithAUnitIsATypeErrorNeverZero() {
        Submission s = validate(TestWorkbook.valid().set(QUALITY, 0, "国家标准", "12家"), Format.XLSX);
        Issue issue = single(s, "cell.type");
        assertThat(issue.cell()).isEqualTo("H3");
        assertThat(issue.value()).isEqualTo("12家");
        assertThat(issue.message()).contains("质量提升第3行", "国家标准", "整数");
    }

    @Test
    void fullWidthDigitsAndThousandsSeparatorsAreNumbers() {
        Submission s = validate(TestWorkbook.valid()
                .set(QUALITY, 0, "国家标准", "１２")
                .set(FINANCING, 0, "融资金额（万元）", "1,234.50"), Format.XLSX);
        assertThat(s.issues()).isEmpty();
        assertThat(rows.get(0).value("std_national")).isEqualTo(12);
        assertThat(rows.get(2).value("amount")).isEqualTo(new BigDecimal("1234.50"));
    }

    @Test
    void aBlankRequiredCellIsReported() {
        Submission s = validate(TestWorkbook.valid().set(FINANCING, 1, "登记类型", null), Format.XLS);
        Issue issue = single(s, "cell.required");
        assertThat(issue.sheet()).isEqualTo("融资助企");
        assertThat(issue.cell()).isEqualTo("D4");
    }

    @Test
    void aValueOutsideTheListIsAnEnumError() {
        Submission s = validate(TestWorkbook.valid().set(QUALITY, 0, "所属产业", "新材料"), Format.XLSX);
        Issue issue = single(s, "cell.enum");
        assertThat(issue.cell()).isEqualTo("D3");
        assertThat(issue.message()).contains("新能源汽车", "光伏新能源");
    }

    @Test
    void anUnknownYesNoSpellingIsAnEnumError() {
        assertThat(single(validate(TestWorkbook.valid().set(QUALITY, 0, "首席质量官", "可能"), Format.XLSX), "cell.enum").cell())
                .isEqualTo("F3");
    }

    @Test
    void yesNoSpellingsAreRead() {
        Submission s = validate(TestWorkbook.valid().set(QUALITY, 0, "首席质量官", "√").set(QUALITY, 1, "首席质量官", "Y"), Format.XLSX);
        assertThat(s.issues()).isEmpty();
        assertThat(rows.get(0).value("cqo")).isEqualTo(true);
        assertThat(rows.get(1).value("cqo")).isEqualTo(true);
    }

    @Test
    void rangeDecimalsAndLengthAreChecked() {
        Submission s = validate(TestWorkbook.valid()
                .set(QUALITY, 0, "国家标准", 2000)
                .set(FINANCING, 0, "融资金额（万元）", "1.234")
                .set(QUALITY, 1, "企业名称", "厂"), Format.XLSX);
        assertThat(s.issues()).extracting(Issue::code, Issue::cell)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("cell.range", "H3"),
                        org.assertj.core.groups.Tuple.tuple("cell.length", "B4"),
                        org.assertj.core.groups.Tuple.tuple("cell.decimals", "F3"));
    }

    @Test
    void aRegistrationOutsideThePeriodIsRejected() {
        Issue issue = single(validate(TestWorkbook.valid().set(FINANCING, 1, "登记日期", LocalDate.of(2020, 10, 31)), Format.XLSX),
                "date.out_of_period");
        assertThat(issue.cell()).isEqualTo("G4");
        assertThat(issue.value()).isEqualTo("2020-10-31");
    }

    @Test
    void theSameEnterpriseTwiceInOneWorkbookIsADuplicateRow() {
        Issue issue = single(validate(TestWorkbook.valid().set(QUALITY, 1, "统一社会信用代码", TestWorkbook.CODE_A), Format.XLSX),
                "row.duplicate");
        assertThat(issue.cell()).isEqualTo("C4");
        assertThat(issue.message()).contains("第3行");
    }

    @Test
    void feeItemsMustBeKnownAndUnique() {
        Submission s = validate(TestWorkbook.valid().set(FEES, 4, "项目", "减免房租").fee("减免水费", 1, 1), Format.XLSX);
        assertThat(s.issues()).extracting(Issue::code, Issue::cell).containsExactly(
                org.assertj.core.groups.Tuple.tuple("item.unknown", "B7"),
                org.assertj.core.groups.Tuple.tuple("item.duplicate", "B8"));
    }

    @Test
    void aFormulaWithoutACachedValueIsAnError() {
        Submission s = validate(TestWorkbook.valid().set(QUALITY, 0, "国家标准", new TestWorkbook.Formula("1+1")), Format.XLSX);
        assertThat(single(s, "cell.formula").cell()).isEqualTo("H3");
    }

    @Test
    void missingAndExtraSheets() {
        Submission s = validate(TestWorkbook.valid().withoutSheet("融资助企").withExtraSheet("填表说明"), Format.XLSX);
        assertThat(s.issues()).extracting(Issue::code, Issue::sheet).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("sheet.unknown", "填表说明"),
                org.assertj.core.groups.Tuple.tuple("sheet.missing", "融资助企"));
        assertThat(s.accepted()).isFalse();
    }

    /** The receipt's own sheet (and its numbered twin) in a workbook sent back: no warning; a look-alike still gets one. */
    @Test
    void theSystemsOwnProblemSheetIsIgnoredSilently() {
        Submission s = validate(TestWorkbook.valid().withExtraSheet("报送问题清单").withExtraSheet("报送问题清单2")
                .withExtraSheet("报送问题清单（旧）"), Format.XLSX);
        assertThat(s.issues()).extracting(Issue::code, Issue::sheet).containsExactly(
                org.assertj.core.groups.Tuple.tuple("sheet.unknown", "报送问题清单（旧）"));
        assertThat(s.accepted()).isTrue();
    }

    @Test
    void anExtraSheetAloneIsOnlyAWarning() {
        Submission s = validate(TestWorkbook.valid().withExtraSheet("填表说明"), Format.XLSX);
        assertThat(single(s, "sheet.unknown").severity()).isEqualTo(Severity.WARNING);
        assertThat(s.accepted()).isTrue();
    }

    @Test
    void aMissingRequiredHeaderIsNamed() {
        Issue issue = single(validate(TestWorkbook.valid().renameHeader(QUALITY, "所属产业", "行业"), Format.XLSX), "header.missing");
        assertThat(issue.sheet()).isEqualTo("质量提升");
        assertThat(issue.column()).isEqualTo("所属产业");
    }

    @Test
    void headersWithLineBreaksUnitsAndAliasesMatch() {
        Submission s = validate(TestWorkbook.valid()
                .renameHeader(FINANCING, "融资金额（万元）", "融资金额\n(万元)")
                .renameHeader(FINANCING, "市场主体名称", "企业名称")
                .renameHeader(QUALITY, "统一社会信用代码", "信用代码"), Format.XLSX);
        assertThat(s.issues()).isEmpty();
        assertThat(rows).hasSize(9);
    }

    @Test
    void coverProblems() {
        assertThat(single(validate(TestWorkbook.valid().cover("填报人", null), Format.XLSX), "cover.missing").column())
                .isEqualTo("填报人");
        rows.clear();
        Issue unit = single(validate(TestWorkbook.valid().cover("填报单位", "金城街道"), Format.XLSX), "cover.unknown_unit");
        assertThat(unit.cell()).isEqualTo("B3");
        assertThat(unit.value()).isEqualTo("金城街道");
        assertThat(single(validate(TestWorkbook.valid().cover("统计期", "2020年13月"), Format.XLSX), "cover.bad_period").cell())
                .isEqualTo("B4");
        assertThat(single(validate(TestWorkbook.valid().cover("统计期", "2021-01"), Format.XLSX), "cover.future_period").value())
                .isEqualTo("2021-01");
        Submission phone = validate(TestWorkbook.valid().cover("联系电话", "12345"), Format.XLSX);
        assertThat(single(phone, "cover.bad_phone").severity()).isEqualTo(Severity.WARNING);
        assertThat(phone.accepted()).isTrue();
    }

    @Test
    void coverAcceptsAliasesDateCellsAndMobiles() {
        Submission s = validate(TestWorkbook.valid().cover("填报单位", "直溪").cover("统计期", LocalDate.of(2020, 11, 1))
                .cover("联系电话", "13912345678"), Format.XLS);
        assertThat(s.issues()).isEmpty();
        assertThat(s.cover().unit().orElseThrow().name()).isEqualTo("直溪镇");
        assertThat(s.cover().period().orElseThrow().toString()).isEqualTo("2020-11");
    }

    @Test
    void allProblemsOfAFileAreCollectedInOnePass() {
        Submission s = validate(TestWorkbook.valid()
                .cover("填报单位", "不存在镇")
                .set(QUALITY, 0, "统一社会信用代码", "123")
                .set(FINANCING, 1, "登记件数", "两件")
                .set(FEES, 0, "金额（万元）", -1), Format.XLSX);
        assertThat(s.issues()).extracting(Issue::code)
                .containsExactly("cover.unknown_unit", "uscc.format", "cell.type", "cell.range");
    }

    @Test
    void aTextFileIsNotAWorkbook() throws IOException {
        Path csv = Files.writeString(dir.resolve("直溪镇.csv"), "企业名称,统一社会信用代码\n");
        Issue issue = single(validate(csv), "file.format");
        assertThat(issue.message()).contains("直溪镇.csv");
    }

    @Test
    void aRenamedTextFileOrAnotherSpreadsheetFormatIsAFormatError() throws IOException {
        Path renamed = Files.writeString(dir.resolve("直溪镇.xlsx"), "企业名称,统一社会信用代码\n");
        assertThat(validate(renamed).issues()).extracting(Issue::code).containsExactly("file.format");
        Path et = TestWorkbook.valid().write(dir.resolve("直溪镇.et"), Format.XLS);
        assertThat(validate(et).issues()).extracting(Issue::code).containsExactly("file.format");
    }

    @Test
    void anXlsxSavedUnderAnXlsNameIsReadByContent() {
        Path file = TestWorkbook.valid().write(dir.resolve("直溪镇-2020-11.xls"), Format.XLSX);
        assertThat(validate(file).issues()).isEmpty();
    }

    @Test
    void emptyAndTruncatedFilesAreUnreadable() throws IOException {
        assertThat(single(validate(Files.createFile(dir.resolve("empty.xlsx"))), "file.unreadable").sheet()).isNull();
        Path whole = TestWorkbook.valid().write(dir.resolve("whole.xlsx"), Format.XLSX);
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = Files.write(dir.resolve("truncated.xlsx"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(validate(truncated).issues()).extracting(Issue::code).containsExactly("file.unreadable");
    }

    @Test
    void macroWorkbooksAndTooLargeFilesAreRejected() {
        Path xlsm = TestWorkbook.valid().write(dir.resolve("直溪镇.xlsm"), Format.XLSX);
        assertThat(validate(xlsm).issues()).extracting(Issue::code).containsExactly("file.macro");
        Path file = TestWorkbook.valid().write(dir.resolve("big.xlsx"), Format.XLSX);
        Submission s = new SubmissionValidator(REGISTRY, 1000).validate(file, "big.xlsx", NOW, rows::add);
        assertThat(s.issues()).extracting(Issue::code).containsExactly("file.too_large");
    }

    @Test
    void aTotalsRowThatDiffersFromTheRowsAboveIsAMismatch() {
        Submission s = validate(TestWorkbook.valid().fee("合计", 31.7, 45), Format.XLSX);
        Issue issue = single(s, "total.mismatch");
        assertThat(issue.cell()).isEqualTo("C8");
        assertThat(issue.column()).isEqualTo("金额（万元）");
        assertThat(issue.value()).isEqualTo("31.7");
        assertThat(issue.message()).contains("31.75");
    }

    @Test
    void aTotalsRowIsCheckedInEveryNumericColumn() {
        Submission s = validate(TestWorkbook.valid().fee("总计", 31.75, 44), Format.XLS);
        assertThat(single(s, "total.mismatch").cell()).isEqualTo("D8");
    }

    @Test
    void dataEndsAtABlankRowOrATotalsRow() {
        TestWorkbook wb = TestWorkbook.valid().fee("合计", 31.75, 45);
        Submission s = validate(wb, Format.XLSX);
        assertThat(s.issues()).isEmpty();
        assertThat(s.rowCounts().get(SubmissionSheet.FEES)).isEqualTo(5);
    }

    // ---- blank and note rows (submission-workbook.md, data rows): nothing is dropped silently ----

    /** 质量提升 with eight enterprises, codes computed, the first two those of the valid workbook. */
    private static TestWorkbook eightEnterprises() {
        TestWorkbook wb = TestWorkbook.valid();
        for (int n = 3; n <= 8; n++) {
            wb.quality(Map.of("企业名称", "金坛第" + n + "机械有限公司",
                    "统一社会信用代码", cn.jintan.quality.domain.Uscc.complete("91320482MA1Q0A0C" + n),
                    "所属产业", "其他", "首席质量官", n % 2 == 0 ? "是" : "否"));
        }
        return wb;
    }

    private List<ParsedRow> rowsOf(SubmissionSheet sheet) {
        return rows.stream().filter(r -> r.sheet() == sheet).toList();
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"XLSX", "XLS"})
    void aBlankRowInTheMiddleIsSkippedAndEveryEnterpriseBelowItIsRead(Format format) {
        // data rows 3..10; the blank row goes in as Excel row 6, pushing enterprises 4..8 down
        Submission s = validate(eightEnterprises().insertRow(QUALITY, 3, Map.of()), format);

        Issue issue = single(s, "row.blank");
        assertThat(s.accepted()).isTrue();
        assertThat(s.rowCounts().get(QUALITY)).isEqualTo(8);
        assertThat(rowsOf(QUALITY)).hasSize(8);
        assertThat(rowsOf(QUALITY).get(7).rowNumber()).isEqualTo(11);
        assertThat(issue.severity()).isEqualTo(Severity.WARNING);
        assertThat(issue.sheet()).isEqualTo("质量提升");
        assertThat(issue.cell()).isNull();
        assertThat(issue.row()).isEqualTo(6);
        assertThat(issue.value()).as("nothing was filled in: no value under 填写的值").isNull();
        assertThat(issue.message()).isEqualTo("质量提升第6行是空行（共1行），已跳过，其后的数据照常读取；如非有意留空，请删除空行。");
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"XLSX", "XLS"})
    void twoBlankRowsAreOneWarningListingBoth(Format format) {
        // one stored with only its 序号 (a number alone is no data), one not stored at all
        Submission s = validate(eightEnterprises().insertRow(QUALITY, 2, Map.of("序号", 3)).skipRow(QUALITY, 7), format);

        Issue issue = single(s, "row.blank");
        assertThat(issue.row()).isEqualTo(5);
        assertThat(issue.value()).isNull();
        assertThat(issue.message()).startsWith("质量提升第5、10行是空行（共2行）");
        assertThat(s.rowCounts().get(QUALITY)).isEqualTo(8);
        assertThat(rowsOf(QUALITY)).extracting(r -> r.value("uscc")).doesNotHaveDuplicates().hasSize(8);
    }

    @Test
    void runsOfBlankRowsAreListedAsRanges() {
        Submission s = validate(eightEnterprises().skipRow(FINANCING, 1).skipRow(FINANCING, 1).skipRow(FINANCING, 1)
                .insertRow(FINANCING, 1, Map.of()), Format.XLSX);
        Issue issue = single(s, "row.blank");
        assertThat(issue.sheet()).isEqualTo("融资助企");
        assertThat(issue.value()).isNull();
        assertThat(issue.message()).contains("第4至7行是空行（共4行）");
        assertThat(s.rowCounts().get(FINANCING)).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"XLSX", "XLS"})
    void aBlankRowRightUnderTheHeaderDoesNotHideTheData(Format format) {
        Submission s = validate(eightEnterprises().insertRow(QUALITY, 0, Map.of()), format);

        assertThat(single(s, "row.blank").message()).startsWith("质量提升第3行是空行");
        assertThat(s.rowCounts().get(QUALITY)).isEqualTo(8);
        assertThat(rowsOf(QUALITY).get(0).rowNumber()).isEqualTo(4);
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"XLSX", "XLS"})
    void formattedEmptyRowsAfterTheDataAreNoNews(Format format) {
        Submission s = validate(eightEnterprises().formattedEmptyRows(QUALITY, 30).formattedEmptyRows(FEES, 5), format);

        assertThat(s.issues()).isEmpty();
        assertThat(s.rowCounts()).isEqualTo(Map.of(QUALITY, 8, FINANCING, 2, FEES, 5));
    }

    @Test
    void blankRowsBeforeATotalsRowOrAFinalNoteAreNotReported() {
        Submission s = validate(TestWorkbook.valid().insertRow(FEES, 5, Map.of()).fee("合计", "31.75", 45)
                .insertRow(FINANCING, 2, Map.of()).insertRow(FINANCING, 3, Map.of("序号", "注：单位为万元")), Format.XLSX);
        assertThat(s.issues()).extracting(Issue::code).containsExactly("row.note");
        assertThat(s.rowCounts()).isEqualTo(Map.of(QUALITY, 2, FINANCING, 2, FEES, 5));
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"XLSX", "XLS"})
    void aNoteRowAtTheBottomOfFinancingIsANoteNotFiveEmptyCells(Format format) {
        Submission s = validate(TestWorkbook.valid()
                .insertRow(FINANCING, 2, Map.of("序号", "填表说明：融资金额单位为万元，登记日期按登记证明填写。")), format);

        Issue issue = single(s, "row.note");
        assertThat(s.accepted()).isTrue();
        assertThat(s.rowCounts().get(FINANCING)).isEqualTo(2);
        assertThat(rowsOf(FINANCING)).hasSize(2);
        assertThat(issue.severity()).isEqualTo(Severity.WARNING);
        assertThat(issue.sheet()).isEqualTo("融资助企");
        assertThat(issue.cell()).isEqualTo("A5");
        assertThat(issue.row()).isEqualTo(5);
        assertThat(issue.value()).isEqualTo("填表说明:融资金额单位为万元,登记日期按登记证明填写。");
        assertThat(issue.message()).startsWith("融资助企第5行（A5单元格\"填表说明:融资金额单位为万元")
                .contains("未作为数据读取");
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"XLSX", "XLS"})
    void aNoteRowInTheMiddleIsSkippedAndTheRowsAfterItAreRead(Format format) {
        Submission s = validate(eightEnterprises()
                .insertRow(QUALITY, 4, Map.of("企业名称", "注：以下为新增企业")), format);

        Issue issue = single(s, "row.note");
        assertThat(issue.cell()).isEqualTo("B7");
        assertThat(issue.column()).isEqualTo("企业名称");
        assertThat(s.rowCounts().get(QUALITY)).isEqualTo(8);
        assertThat(rowsOf(QUALITY)).hasSize(8);
    }

    @Test
    void signatureRowsAreNotesWhateverTheirLayout() {
        Submission s = validate(TestWorkbook.valid()
                .insertRow(QUALITY, 2, Map.of("序号", "制表人：张三", "所属产业", "审核人：李四", "国家标准", "填报日期：2020-12-02"))
                // label | value, the value in a required column
                .insertRow(FINANCING, 2, Map.of("序号", "制表人：", "市场主体名称", "张三", "登记类型", "审核人：",
                        "登记件数", "李四")), Format.XLSX);

        assertThat(s.issues()).extracting(Issue::code, Issue::cell).containsExactly(
                org.assertj.core.groups.Tuple.tuple("row.note", "A5"),
                org.assertj.core.groups.Tuple.tuple("row.note", "A5"));
        assertThat(s.accepted()).isTrue();
    }

    @Test
    void noteLikeTextInARowWithDataIsDataValidatedAsUsual() {
        String code = cn.jintan.quality.domain.Uscc.complete("91320482MA1Q0A0D1");
        Submission s = validate(TestWorkbook.valid()
                // an enterprise whose name starts like a note, with its code and industry: data
                .quality(Map.of("企业名称", "说明书印刷有限公司", "统一社会信用代码", code, "所属产业", "其他"))
                // 注：… with data in another required column: data, so its empty cells are errors
                .financing(Map.of("市场主体名称", "注：补报上月登记", "统一社会信用代码", TestWorkbook.CODE_A, "登记件数", 1)), Format.XLSX);

        assertThat(s.issues()).extracting(Issue::code, Issue::cell).containsExactly(
                org.assertj.core.groups.Tuple.tuple("cell.required", "D5"),
                org.assertj.core.groups.Tuple.tuple("cell.required", "F5"),
                org.assertj.core.groups.Tuple.tuple("cell.required", "G5"));
        assertThat(s.accepted()).isFalse();
        assertThat(s.rowCounts()).isEqualTo(Map.of(QUALITY, 3, FINANCING, 3, FEES, 5));
        assertThat(rowsOf(QUALITY)).extracting(r -> r.value("enterprise_name")).contains("说明书印刷有限公司");
    }

    @Test
    void anEnterpriseWhoseNameStartsWith注IsNoNote() {
        Submission s = validate(TestWorkbook.valid().quality(Map.of("企业名称", "注塑机械有限公司")), Format.XLSX);
        assertThat(s.issues()).extracting(Issue::code, Issue::cell).containsExactly(
                org.assertj.core.groups.Tuple.tuple("cell.required", "C5"),
                org.assertj.core.groups.Tuple.tuple("cell.required", "D5"));
    }

    @Test
    void textStartingLikeANote() {
        assertThat(NoteRows.startsLikeANote("注:单位为万元")).isTrue();
        assertThat(NoteRows.startsLikeANote("注1.单位为万元")).isTrue();
        assertThat(NoteRows.startsLikeANote("注意:按月填报")).isTrue();
        assertThat(NoteRows.startsLikeANote("注")).isTrue();
        assertThat(NoteRows.startsLikeANote("备注:无")).isTrue();
        assertThat(NoteRows.startsLikeANote("联系人:王丽")).isTrue();
        assertThat(NoteRows.startsLikeANote("填报日期:2020-12-02")).isTrue();
        assertThat(NoteRows.startsLikeANote("注塑机械有限公司")).isFalse();
        assertThat(NoteRows.startsLikeANote("填报单位")).isFalse();
        assertThat(NoteRows.startsLikeANote("常州注塑有限公司")).isFalse();
        assertThat(NoteRows.startsLikeANote("")).isFalse();
    }
}
