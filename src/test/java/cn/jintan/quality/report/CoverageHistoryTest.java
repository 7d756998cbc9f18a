package cn.jintan.quality.report;

import cn.jintan.quality.domain.Uscc;
import cn.jintan.quality.job.NightlyRun;
import cn.jintan.quality.testing.Installation;
import cn.jintan.quality.testing.InstallationRoot;
import cn.jintan.quality.testing.OwnJobsFolder;
import cn.jintan.quality.testing.OwnJobsFolder;
import cn.jintan.quality.testing.PipelineTest;
import cn.jintan.quality.testing.TestWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static cn.jintan.quality.domain.SubmissionSheet.FINANCING;
import static cn.jintan.quality.domain.SubmissionSheet.QUALITY;
import static cn.jintan.quality.report.BriefingHistoryTest.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * indicators.md, Coverage, through the real job on a real H2 with a constructed history of
 * missing units and months: 金城镇 and 直溪镇 for 2020-01..03; in 2021 金城镇 alone for January
 * (1 of 13 units), then both for February and March, so 直溪镇's year to date lacks January.
 * Every figure, marker and comparison is read back from the JSON and from the PDF text.
 */
@PipelineTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoverageHistoryTest {

    @InstallationRoot
    static Path root;
    /** A jobs/ folder of its own (no yearly targets), hence a context of its own. */
    static final Path jobs = OwnJobsFolder.create("coverage-jobs", units -> units);
    static final String JINCHENG_A = Uscc.complete("91320482MA1Q0J0A1");
    static final String JINCHENG_B = Uscc.complete("91320482MA1Q0J0B2");
    static final List<String> NOT_REPORTING_IN_JANUARY = List.of("儒林镇", "直溪镇", "朱林镇", "薛埠镇", "指前镇", "东城街道",
            "西城街道", "尧塘街道", "金坛经济开发区", "华罗庚高新技术产业开发区", "茅山旅游度假区", "长荡湖旅游度假区");

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        registry.add("qb.jobs", jobs::toString);
    }

    @AfterAll
    static void clean() throws IOException {
        FileSystemUtils.deleteRecursively(jobs);
    }

    @Autowired
    NightlyRun nightlyRun;

    @Autowired
    PeriodReports reports;

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    void runTheHistory() throws Exception {
        for (int month = 1; month <= 3; month++) {
            drop(jincheng(2020, month));
            drop(zhixi(2020, month));
        }
        drop(jincheng(2021, 1));
        drop(jincheng(2021, 2));
        drop(zhixi(2021, 2));
        drop(jincheng(2021, 3));
        // March against February: 1000 more financing (+33.3%), a governor's award instead of a mayor's
        drop(zhixi(2021, 3).set(FINANCING, 0, "融资金额（万元）", new BigDecimal("2200.50"))
                .set(QUALITY, 1, "质量奖申报", "省长质量奖"));
        assertThat(nightlyRun.run().getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }

    // 直溪镇 as TestWorkbook writes it: 1500.50 万元 and 3 registrations a month, one 首席质量官, one 市长质量奖
    private static TestWorkbook zhixi(int year, int month) {
        LocalDate first = LocalDate.of(year, month, 1);
        return TestWorkbook.valid().cover("统计期", year + "-" + month)
                .cover("填报日期", first.plusMonths(1).plusDays(1))
                .set(FINANCING, 0, "登记日期", first.plusDays(4))
                .set(FINANCING, 1, "登记日期", first.plusDays(19));
    }

    // 金城镇: the same figures for enterprises of its own
    private static TestWorkbook jincheng(int year, int month) {
        return zhixi(year, month).cover("填报单位", "金城镇")
                .set(QUALITY, 0, "统一社会信用代码", JINCHENG_A).set(QUALITY, 1, "统一社会信用代码", JINCHENG_B)
                .set(FINANCING, 0, "统一社会信用代码", JINCHENG_A).set(FINANCING, 1, "统一社会信用代码", JINCHENG_B);
    }

    private static int dropped;

    private static void drop(TestWorkbook workbook) {
        Installation.drop(root, workbook, "workbook-" + (++dropped) + ".xlsx");
    }

    private Path dir(String period) {
        return root.resolve("output/briefings/" + period);
    }

    private JsonNode figures(String period) throws IOException {
        return json.readTree(dir(period).resolve("figures-" + period + ".json").toFile());
    }

    @Test
    void oneOfThirteenUnitsGivesThatUnitsFiguresAndNullForTheOthers() throws IOException {
        JsonNode root = figures("2021-01");
        JsonNode coverage = root.get("coverage");
        assertThat(coverage.get("units_total").asInt()).isEqualTo(13);
        assertThat(coverage.get("units_reported").asInt()).isEqualTo(1);
        assertThat(coverage.get("reported_units")).extracting(JsonNode::asString).containsExactly("金城镇");
        assertThat(coverage.get("missing_units")).extracting(JsonNode::asString).containsExactlyElementsOf(NOT_REPORTING_IN_JANUARY);
        assertThat(coverage.get("complete").asBoolean()).isFalse();
        assertThat(coverage.get("ytd_months")).extracting(JsonNode::asString).containsExactly("2021-01");
        assertThat(coverage.get("ytd_complete").asBoolean()).isFalse();
        assertThat(coverage.get("missing_months").get("直溪镇")).extracting(JsonNode::asString).containsExactly("2021-01");
        assertThat(coverage.get("missing_months").has("金城镇")).isFalse();
        int nulls = 0;
        for (JsonNode unit : root.get("units")) {
            if (unit.get("name").asString().equals("金城镇")) {
                assertThat(unit.get("status").asString()).isEqualTo("accepted");
                assertThat(unit.get("figures").get("financing_amount").decimalValue()).isEqualByComparingTo("1500.50");
                assertThat(unit.get("figures").get("cqo_enterprises").asInt()).isEqualTo(1);
                assertThat(unit.get("coverage").get("missing_months")).isEmpty();
            } else {
                assertThat(unit.get("status").asString()).isEqualTo("missing");
                assertThat(unit.get("figures").isNull()).as(unit.get("name").asString()).isTrue();
                assertThat(unit.get("coverage").get("missing_months")).extracting(JsonNode::asString).containsExactly("2021-01");
                nulls++;
            }
        }
        assertThat(nulls).isEqualTo(12);
        // the district is the one unit's sum
        assertThat(root.get("district").get("financing_amount_ytd").decimalValue()).isEqualByComparingTo("1500.50");
        // no December 2020: 环比 has no data; January 2020 had two units: 同比 is not like for like
        JsonNode mom = root.get("comparisons").get("month_on_month");
        assertThat(mom.get("period").asString()).isEqualTo("2020-12");
        assertThat(mom.get("comparable").asBoolean()).isFalse();
        assertThat(mom.get("status").asString()).isEqualTo("no_data");
        JsonNode yoy = root.get("comparisons").get("year_on_year");
        assertThat(yoy.get("status").asString()).isEqualTo("not_like_for_like");
        assertThat(yoy.get("reason").asString()).contains("仅2020年1月有直溪镇");
        assertThat(yoy.get("ytd_comparable").asBoolean()).isFalse();
    }

    @Test
    void theBriefingOfOneUnitNeverSaysDistrictNorRanksNorPrintsZerosForTheOthers() throws IOException {
        String all = text(dir("2021-01").resolve("briefing-2021-01.pdf"), 1, Integer.MAX_VALUE);
        assertThat(all).contains("13个单位中已报送1个，以下为已报送单位合计：至1月底，已报送单位拥有\"首席质量官\"企业1家，"
                + "主导制修订国家标准2项、行业标准1项、地方标准3项；1月办理各类融资登记3件，帮助市场主体融资1500.5万元");
        assertThat(all).doesNotContain("全区");
        // briefing.md: the submission status, with every missing unit named, stays on page 1
        assertThat(text(dir("2021-01").resolve("briefing-2021-01.pdf"), 1, 1))
                .contains("13个单位中1个已报送并通过审核", "长荡湖旅游度假区。");
        assertThat(all).contains("质量提升（1月底，已报送单位合计）", "已报送单位合计1121331,500.5030.50");
        // no ranking of one unit, and nobody named as furthest behind
        assertThat(all).contains("报送单位不足4个（本期1个），不作排名。").doesNotContain("排名靠后");
        for (String name : NOT_REPORTING_IN_JANUARY) {
            assertThat(all).contains(name + "未报送" + "未报送".repeat(8));
        }
        // the chart of financing by unit has one bar: 金城镇 (no bar of 0 for the twelve others)
        // comparisons: "—" for the missing December, 口径不同 against January 2020, each explained
        assertThat(all).contains("帮助市场主体融资万元1,500.501,500.50—口径不同");
        assertThat(all).contains("\"—\"表示无可比数据");
        assertThat(all).contains("环比（与2020年12月比较）：2020年12月没有通过审核的报送，显示\"—\"",
                "质量提升指标同比（与2020年1月比较）：两期报送的单位或月份不同（仅2020年1月有直溪镇），显示\"口径不同\"");
    }

    @Test
    void aUnitThatDidNotReportSaysSoAndPrintsNoFigureOfItsOwn() throws IOException {
        String page = text(dir("2021-01").resolve("units/zhixi-2021-01.pdf"), 1, 1);
        assertThat(page).contains("直溪镇本期未报送数据");
        assertThat(page).doesNotContain("填报企业0家", "填报企业数家0").contains("填报企业数家未报送2");
        // every figure of the unit: 未报送; the reporting units' figure beside it
        assertThat(page).contains("已报送单位合计", "帮助市场主体融资（1月累计）万元未报送1,500.50");
        assertThat(page.indexOf("本期未报送数据")).isLessThan(page.indexOf("帮助市场主体融资"));
        String jincheng = text(dir("2021-01").resolve("units/jincheng-2021-01.pdf"), 1, 1);
        assertThat(jincheng).contains("金城镇填报企业2家", "报送单位不足4个（本期1个），本期不作排名。");
    }

    @Test
    void aYearToDateWithMissingMonthsIsMarkedInJsonAndPdf() throws IOException {
        JsonNode root = figures("2021-03");
        JsonNode coverage = root.get("coverage");
        assertThat(coverage.get("ytd_months")).extracting(JsonNode::asString).containsExactly("2021-01", "2021-02", "2021-03");
        assertThat(coverage.get("missing_months").get("直溪镇")).extracting(JsonNode::asString).containsExactly("2021-01");
        assertThat(coverage.get("missing_months").get("朱林镇")).extracting(JsonNode::asString)
                .containsExactly("2021-01", "2021-02", "2021-03");
        assertThat(coverage.get("missing_months").has("金城镇")).isFalse();
        // 金城镇 1-3月 (3 × 1500.50) and 直溪镇 2-3月 (1500.50 + 2500.50): only the months reported
        assertThat(root.get("district").get("financing_amount_ytd").decimalValue()).isEqualByComparingTo("8502.50");
        String page1 = text(dir("2021-03").resolve("briefing-2021-03.pdf"), 1, 1);
        assertThat(page1).contains("1-3月（缺直溪镇1月）办理各类融资登记15件，帮助市场主体融资8502.5万元");
        assertThat(page1).contains("1-3月累计*", "*1-3月累计缺直溪镇1月的数据。");
        String all = text(dir("2021-03").resolve("briefing-2021-03.pdf"), 1, Integer.MAX_VALUE);
        assertThat(all).contains("5.累计数缺报的月份：儒林镇1-3月、直溪镇1月、朱林镇1-3月");
        String unit = text(dir("2021-03").resolve("units/zhixi-2021-03.pdf"), 1, 1);
        assertThat(unit).contains("1-3月（缺1月）办理各类融资登记6件", "帮助市场主体融资（1-3月累计，缺1月）");
    }

    @Test
    void comparisonsAreLikeForLikeFlatForNoChangeAndAbsoluteFromAZeroBase() throws IOException {
        JsonNode comparisons = figures("2021-03").get("comparisons");
        assertThat(comparisons.get("month_on_month").get("comparable").asBoolean()).isTrue();
        assertThat(comparisons.get("month_on_month").get("reason").isNull()).isTrue();
        assertThat(comparisons.get("year_on_year").get("comparable").asBoolean()).isTrue();
        // 同比 of the year to date: 直溪镇 January 2020 is in last year's sum only
        assertThat(comparisons.get("year_on_year").get("ytd_comparable").asBoolean()).isFalse();
        assertThat(comparisons.get("year_on_year").get("ytd_reason").asString()).contains("仅2020年3月有直溪镇1月");
        String page1 = text(dir("2021-03").resolve("briefing-2021-03.pdf"), 1, 1);
        // financing of the month 4001.00 against 3001.00: +33.3%; the year to date: 口径不同
        assertThat(page1).contains("帮助市场主体融资万元4,001.008,502.50+33.3%口径不同");
        // 首席质量官 2 and 2 (持平, not "—" nor +0.0%); 省长质量奖 1 against 0: +1家, not "—"
        assertThat(page1).contains("首席质量官企业数家2持平持平", "申报省长质量奖企业家1+1家+1家", "申报市长质量奖企业家1-50.0%-50.0%");
        assertThat(page1).contains("\"口径不同\"表示两期报送的单位或月份不同");
        String all = text(dir("2021-03").resolve("briefing-2021-03.pdf"), 1, Integer.MAX_VALUE);
        assertThat(all).contains("融资与减费累计同比（与2020年3月比较）：两期报送的单位或月份不同（仅2020年3月有直溪镇1月），显示\"口径不同\"");
        assertThat(all).doesNotContain("环比（与2021年2月比较）");
    }

    @Test
    void aPeriodNoUnitReportedHasNoFiguresAtAllNotZeros() throws IOException {
        reports.render(cn.jintan.quality.domain.Period.of(2021, 6));
        JsonNode root = figures("2021-06");
        assertThat(root.get("coverage").get("units_reported").asInt()).isZero();
        root.get("district").properties().forEach(e -> assertThat(e.getValue().isNull()).as(e.getKey()).isTrue());
        assertThat(root.get("units")).allSatisfy(u -> assertThat(u.get("figures").isNull()).isTrue());
        String all = text(dir("2021-06").resolve("briefing-2021-06.pdf"), 1, Integer.MAX_VALUE);
        assertThat(all).contains("13个单位均未报送2021年6月的数据，本期没有可汇总的数字。", "本期没有可排名的单位。",
                "帮助市场主体融资万元未报送未报送——");
        assertThat(all).doesNotContain("全区");
    }

    @Test
    void theSummaryWorkbookWritesNoZeroForAUnitWithoutData() throws IOException {
        try (Workbook wb = WorkbookFactory.create(dir("2021-01").resolve("summary-2021-01.xlsx").toFile(), null, true)) {
            List<String> zhixi = new ArrayList<>();
            Row row = wb.getSheet("各单位").getRow(3); // registry order: 金城镇, 儒林镇, 直溪镇
            row.forEach(c -> zhixi.add(c.getStringCellValue()));
            assertThat(zhixi).startsWith("zhixi", "直溪镇", "未报送").contains("未报送").doesNotContain("0");
            assertThat(wb.getSheet("各单位").getRow(1).getCell(9).getNumericCellValue()).isEqualTo(1500.50);
            assertThat(wb.getSheet("报送情况").getRow(3).getCell(3).getStringCellValue()).isEqualTo("1月");
            assertThat(wb.getSheet("主要指标").getRow(1 + cn.jintan.quality.domain.Indicator.FINANCING_AMOUNT.ordinal())
                    .getCell(5).getStringCellValue()).isEqualTo("—");
        }
    }
}
