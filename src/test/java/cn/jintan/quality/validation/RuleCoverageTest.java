package cn.jintan.quality.validation;

import cn.jintan.quality.config.JobsFiles;
import cn.jintan.quality.domain.UnitRegistry;
import cn.jintan.quality.testing.HostileFiles;
import cn.jintan.quality.testing.TestWorkbook;
import cn.jintan.quality.testing.TestWorkbook.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static cn.jintan.quality.domain.SubmissionSheet.FEES;
import static cn.jintan.quality.domain.SubmissionSheet.FINANCING;
import static cn.jintan.quality.domain.SubmissionSheet.QUALITY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule of submission-workbook.md: a workbook that breaks it (code, severity and cell
 * asserted) and a near miss that must not. A rule added to {@link Rule} without a case here
 * fails {@link #everyRuleHasACase()}.
 */
class RuleCoverageTest {

    private static final UnitRegistry REGISTRY = JobsFiles.units(Path.of("jobs"));
    private static final YearMonth NOW = YearMonth.of(2020, 12);
    private static final String BAD_CHECK = TestWorkbook.CODE_B.substring(0, 17)
            + (TestWorkbook.CODE_B.charAt(17) == '0' ? '1' : '0');
    /** Rules checked when storing (they need other units' submissions): where their cases live. */
    private static final Map<String, String> COVERED_ELSEWHERE = Map.of(
            "cross.duplicate_enterprise", "job.NightlyRunTest#aRejectedFileCountsForNothingWhileTheOthersCount");

    @TempDir
    Path dir;

    /** A case: the rule, where it must point, the file that breaks it and the near miss. */
    record Case(String code, String cell, Function<Path, Path> breaks, Function<Path, Path> nearMiss, long limit) {
        Case(String code, String cell, Function<Path, Path> breaks, Function<Path, Path> nearMiss) {
            this(code, cell, breaks, nearMiss, 20L * 1024 * 1024);
        }

        @Override
        public String toString() {
            return code;
        }
    }

    private static Function<Path, Path> xlsx(TestWorkbook workbook) {
        return dir -> workbook.write(dir.resolve("直溪镇-2020-11.xlsx"), Format.XLSX);
    }

    private static Function<Path, Path> text(String name, String content) {
        return dir -> {
            try {
                return Files.writeString(dir.resolve(name), content);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private static TestWorkbook wb() {
        return TestWorkbook.valid();
    }

    static Stream<Case> cases() {
        Function<Path, Path> valid = xlsx(wb());
        return Stream.of(
                new Case("file.unreadable", null, d -> HostileFiles.truncated(d, "直溪镇.xlsx"), valid),
                new Case("file.format", null, text("直溪镇-2020-11.xlsx", "企业名称,统一社会信用代码\n"),
                        d -> wb().write(d.resolve("直溪镇-2020-11.xls"), Format.XLSX)), // an .xlsx named .xls is read
                new Case("file.encrypted", null, d -> HostileFiles.encrypted(d, "直溪镇.xlsx"), valid),
                new Case("file.macro", null, d -> HostileFiles.withVbaProject(d, "直溪镇.xlsx"),
                        xlsx(wb().set(QUALITY, 0, "备注", "宏观经济 VBA"))),
                new Case("file.too_large", null, valid, valid, 1024),
                new Case("file.unsafe", null, d -> HostileFiles.zipBomb(d, "直溪镇.xlsx"),
                        xlsx(wb().set(QUALITY, 0, "备注", "长".repeat(500)))),
                new Case("sheet.missing", null, xlsx(wb().withoutSheet("减费让利")), xlsx(wb())),
                new Case("sheet.unknown", null, xlsx(wb().withExtraSheet("填表说明")), valid),
                new Case("header.missing", null, xlsx(wb().renameHeader(QUALITY, "所属产业", "行业")),
                        xlsx(wb().renameHeader(QUALITY, "企业名称", "市场主体名称"))),
                new Case("cover.missing", null, xlsx(wb().cover("联系电话", null)),
                        xlsx(wb().cover("审核人", null))),
                new Case("cover.unknown_unit", "B3", xlsx(wb().cover("填报单位", "直溪街道")),
                        xlsx(wb().cover("填报单位", "直溪"))),
                new Case("cover.bad_period", "B4", xlsx(wb().cover("统计期", "11月")), xlsx(wb().cover("统计期", "2020年11月"))),
                new Case("cover.future_period", "B4", xlsx(wb().cover("统计期", "2021-01")),
                        xlsx(wb().cover("统计期", "2020-12") // the month of the run itself is allowed
                                .set(FINANCING, 0, "登记日期", LocalDate.of(2020, 12, 1))
                                .set(FINANCING, 1, "登记日期", LocalDate.of(2020, 12, 2)))),
                new Case("cover.bad_phone", "B6", xlsx(wb().cover("联系电话", "8234567")),
                        xlsx(wb().cover("联系电话", "139 1234 5678"))),
                new Case("cell.required", "B4", xlsx(wb().set(QUALITY, 1, "企业名称", null)),
                        xlsx(wb().set(QUALITY, 1, "备注", null))),
                new Case("cell.type", "H3", xlsx(wb().set(QUALITY, 0, "国家标准", "约5")),
                        xlsx(wb().set(QUALITY, 0, "国家标准", "５"))),
                new Case("cell.range", "H3", xlsx(wb().set(QUALITY, 0, "国家标准", 1001)),
                        xlsx(wb().set(QUALITY, 0, "国家标准", 1000))),
                new Case("cell.decimals", "F3", xlsx(wb().set(FINANCING, 0, "融资金额（万元）", "12.345")),
                        xlsx(wb().set(FINANCING, 0, "融资金额（万元）", "12.340"))),
                new Case("cell.enum", "O3", xlsx(wb().set(QUALITY, 0, "质量信用等级申报", "B")),
                        xlsx(wb().set(QUALITY, 0, "质量信用等级申报", "aa"))),
                new Case("cell.length", "B3", xlsx(wb().set(QUALITY, 0, "企业名称", "厂")),
                        xlsx(wb().set(QUALITY, 0, "企业名称", "厂房"))),
                new Case("cell.formula", "H3", xlsx(wb().set(QUALITY, 0, "国家标准", new TestWorkbook.Formula("1+1"))),
                        xlsx(wb().set(QUALITY, 0, "国家标准", new TestWorkbook.Formula("1+1", true)))),
                new Case("uscc.format", "C3", xlsx(wb().set(QUALITY, 0, "统一社会信用代码", "913204821234")),
                        xlsx(wb().set(QUALITY, 0, "统一社会信用代码", TestWorkbook.CODE_A.toLowerCase()))),
                new Case("uscc.checksum", "C4", xlsx(wb().set(QUALITY, 1, "统一社会信用代码", BAD_CHECK)), valid),
                new Case("row.duplicate", "C4", xlsx(wb().set(QUALITY, 1, "统一社会信用代码", TestWorkbook.CODE_A)),
                        xlsx(wb().set(FINANCING, 1, "统一社会信用代码", TestWorkbook.CODE_A))), // twice in 融资助企 is fine
                new Case("row.blank", null, xlsx(wb().insertRow(QUALITY, 1, Map.of("序号", 2))),
                        xlsx(wb().formattedEmptyRows(QUALITY, 20))), // empty rows after the data are no news
                new Case("row.note", "A5", xlsx(wb().insertRow(FINANCING, 2, Map.of("序号", "注：融资金额单位为万元"))),
                        xlsx(wb().quality(Map.of("企业名称", "注塑机械有限公司", "统一社会信用代码",
                                cn.jintan.quality.domain.Uscc.complete("91320482MA1Q0A0E1"), "所属产业", "其他")))),
                new Case("item.unknown", "B7", xlsx(wb().set(FEES, 4, "项目", "减免房租")),
                        xlsx(wb().set(FEES, 4, "项目", " 其他减免 "))),
                new Case("item.duplicate", "B8", xlsx(wb().fee("减免电费", 1, 1)), valid),
                new Case("date.out_of_period", "G3", xlsx(wb().set(FINANCING, 0, "登记日期", LocalDate.of(2020, 12, 1))),
                        xlsx(wb().set(FINANCING, 0, "登记日期", LocalDate.of(2020, 11, 30)))),
                new Case("total.mismatch", "C8", xlsx(wb().fee("合计", 30, 45)), xlsx(wb().fee("合计", "31.75", 45))));
    }

    private Submission validate(Path file, long limit) {
        return new SubmissionValidator(REGISTRY, limit).validate(file, file.getFileName().toString(), NOW, row -> { });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theBrokenWorkbookIsReportedAndTheNearMissIsNot(Case c) throws IOException {
        Path breaks = c.breaks().apply(Files.createDirectories(dir.resolve("breaks")));
        Submission broken = validate(breaks, c.limit());
        Rule rule = Rule.ofCode(c.code());
        assertThat(broken.issues()).extracting(Issue::code).contains(c.code());
        Issue issue = broken.issues().stream().filter(i -> i.code().equals(c.code())).findFirst().orElseThrow();
        assertThat(issue.severity()).isEqualTo(rule.severity());
        assertThat(issue.cell()).isEqualTo(c.cell());
        assertThat(issue.message()).isNotBlank().doesNotContain("{").doesNotContain("null").endsWith("。");
        // every message says where: the sheet and, when the problem has one, the cell
        if (issue.sheet() != null) {
            assertThat(issue.message()).contains(issue.sheet());
        }
        if (issue.cell() != null) {
            assertThat(issue.message()).contains(issue.cell());
        }
        assertThat(broken.accepted()).isEqualTo(rule.severity() == Severity.WARNING);

        Path nearMiss = c.nearMiss().apply(Files.createDirectories(dir.resolve("near")));
        Submission passed = validate(nearMiss, c.code().equals("file.too_large") ? Files.size(nearMiss) : c.limit());
        assertThat(passed.issues()).as("near miss of " + c.code()).isEmpty();
        assertThat(passed.accepted()).isTrue();
    }

    @Test
    void everyRuleHasACase() {
        Set<String> covered = cases().map(Case::code).collect(Collectors.toCollection(HashSet::new));
        covered.addAll(COVERED_ELSEWHERE.keySet());
        assertThat(covered).containsExactlyInAnyOrderElementsOf(Arrays.stream(Rule.values()).map(Rule::code).toList());
        assertThat(List.copyOf(covered)).hasSize(Rule.values().length);
    }
}
