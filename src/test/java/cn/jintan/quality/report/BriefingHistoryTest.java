package cn.jintan.quality.report;

import cn.jintan.quality.aggregate.Briefing;
import cn.jintan.quality.aggregate.BriefingFacts;
import cn.jintan.quality.aggregate.Comparability;
import cn.jintan.quality.aggregate.Comparison;
import cn.jintan.quality.domain.Indicator;
import cn.jintan.quality.domain.Period;
import cn.jintan.quality.job.NightlyRun;
import cn.jintan.quality.testing.InstallationRoot;
import cn.jintan.quality.testing.OwnJobsFolder;
import cn.jintan.quality.testing.PipelineTest;
import cn.jintan.quality.testing.TestWorkbook;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
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

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static cn.jintan.quality.domain.SubmissionSheet.FINANCING;
import static cn.jintan.quality.domain.SubmissionSheet.QUALITY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A constructed history through the real job on a real H2: 直溪镇 for 2019-11, 2020-10 and
 * 2020-11 (corrected once), 金城镇 reporting the same enterprises in 2020-11, 儒林镇 rejected.
 * Checks 环比/同比, the target line, the data notes, every section of the PDF, the unit page,
 * the summary workbook and that rendering twice gives the same figures and words.
 */
@PipelineTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BriefingHistoryTest {

    @InstallationRoot
    static Path root;
    /** A jobs/ folder of its own (a yearly target), hence a context of its own. */
    static final Path jobs = OwnJobsFolder.create("history-jobs", units -> units,
            // 4301.00 of 5000 = 86.0%; November's 序时进度 is 91.7%
            "targets.tsv", "# test\n2020\tfinancing_amount_ytd\t5000\n");

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
    BriefingFacts facts;

    @Autowired
    PeriodReports reports;

    private Briefing briefing;
    private final Path dir = root.resolve("output/briefings/2020-11");

    @BeforeAll
    void runTheHistory() throws Exception {
        Files.createDirectories(root.resolve("input"));
        drop(month(TestWorkbook.valid(), 2019, 11), "直溪镇-2019-11.xlsx", 500);
        drop(month(TestWorkbook.valid(), 2020, 10).set(FINANCING, 0, "融资金额（万元）", new BigDecimal("1000"))
                .set(QUALITY, 1, "首席质量官", "是"), "直溪镇-2020-10.xlsx", 400);
        drop(TestWorkbook.valid().cover("填报人", "张三"), "直溪镇-2020-11.xlsx", 300);
        drop(TestWorkbook.valid(), "直溪镇-2020-11-更正.xlsx", 200);
        drop(TestWorkbook.valid().cover("填报单位", "金城镇"), "金城镇-2020-11.xlsx", 100);
        String bad = TestWorkbook.CODE_B.substring(0, 17) + (TestWorkbook.CODE_B.charAt(17) == '0' ? '1' : '0');
        drop(TestWorkbook.valid().cover("填报单位", "儒林镇").set(QUALITY, 1, "统一社会信用代码", bad), "儒林镇-2020-11.xlsx", 90);
        assertThat(nightlyRun.run().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        briefing = facts.of(Period.of(2020, 11));
    }

    private static TestWorkbook month(TestWorkbook workbook, int year, int month) {
        return workbook.cover("统计期", year + "-" + month)
                .set(FINANCING, 0, "登记日期", LocalDate.of(year, month, 5))
                .set(FINANCING, 1, "登记日期", LocalDate.of(year, month, 20));
    }

    private void drop(TestWorkbook workbook, String name, int secondsAgo) throws IOException {
        Path file = workbook.write(root.resolve("input").resolve(name));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(secondsAgo)));
    }

    @Test
    void monthOnMonthAndYearOnYearAreNotMadeBetweenDifferentUnitsOrMonths() {
        // financing this month: 直溪镇 and 金城镇, 1200.50 + 300 each; October: 直溪镇 alone, 1000 + 300
        assertThat(briefing.figures().district(Indicator.FINANCING_AMOUNT)).isEqualByComparingTo("3001.00");
        assertThat(briefing.previousMonth().orElseThrow().district(Indicator.FINANCING_AMOUNT)).isEqualByComparingTo("1300.00");
        // 金城镇 reported in November only: 3001 against 1300 would be +130.8%, which is no change at all
        Comparison mom = briefing.monthOnMonth(Indicator.FINANCING_AMOUNT);
        assertThat(mom.kind()).isEqualTo(Comparability.Kind.NOT_LIKE_FOR_LIKE);
        assertThat(mom.change()).isNull();
        assertThat(mom.basis().onlyNow()).extracting(u -> u.unit().name()).containsExactly("金城镇");
        // 同比 of a flow: the year to date (直溪镇 Oct+Nov, 金城镇 Nov) against November 2019 (直溪镇 Nov)
        assertThat(briefing.figures().districtYtd(Indicator.FINANCING_AMOUNT)).isEqualByComparingTo("4301.00");
        Comparison yoy = briefing.yearOnYear(Indicator.FINANCING_AMOUNT);
        assertThat(yoy.kind()).isEqualTo(Comparability.Kind.NOT_LIKE_FOR_LIKE);
        assertThat(yoy.basis().onlyNow()).extracting(u -> u.unit().name() + u.months())
                .containsExactly("金城镇[]", "直溪镇[10]"); // registry order
        assertThat(briefing.yearOnYear(Indicator.CQO_ENTERPRISES).kind()).isEqualTo(Comparability.Kind.NOT_LIKE_FOR_LIKE);
        // October has no October 2019 to compare with: no data, a dash
        assertThat(facts.of(Period.of(2020, 10)).sameMonthLastYear()).isEmpty();
        assertThat(facts.of(Period.of(2020, 10)).yearOnYear(Indicator.FINANCING_AMOUNT).kind())
                .isEqualTo(Comparability.Kind.NO_DATA);
    }

    @Test
    void theBriefingShowsComparisonsTargetAndEverySection() throws IOException {
        String page1 = text(dir.resolve("briefing-2020-11.pdf"), 1, 1);
        assertThat(page1).contains("帮助市场主体融资万元3,001.004,301.00口径不同口径不同", "首席质量官企业数家1口径不同口径不同");
        assertThat(page1).contains("帮助市场主体融资（1-11月累计）（13个单位中已报送2个，为已报送单位合计）：4301万元，年度目标5000万元，"
                + "完成年度目标的86.0%，低于序时进度(91.7%)5.7个百分点。");
        assertThat(page1).contains("13个单位中已报送2个，以下为已报送单位合计：至11月底，已报送单位拥有\"首席质量官\"企业1家")
                .doesNotContain("全区拥有");
        String all = text(dir.resolve("briefing-2020-11.pdf"), 1, Integer.MAX_VALUE);
        assertThat(all).contains("13个单位中2个已报送并通过审核", "未通过审核：儒林镇");
        assertThat(all).contains("一、主要指标", "二、报送情况", "三、各单位主要指标", "四、\"三新一特\"产业链情况", "五、图表",
                "六、质量荣誉", "七、数据说明");
        // industry chains: the two enterprises, once each
        assertThat(all).contains("光伏新能源1113", "其他1003", "合计2116");
        // honours by name and unit; an enterprise two units report is listed once, under the unit that keeps it
        assertThat(all).contains("常州斯威克光伏新材料有限公司金城镇江苏标准\"领跑者\"", "江苏直溪机械有限公司金城镇申报市长质量奖");
        assertThat(all).doesNotContain("常州斯威克光伏新材料有限公司直溪镇");
        // data notes: the rule code in words, the shared enterprises, the correction
        assertThat(all).contains("2.未通过审核的报送：儒林镇《儒林镇-2020-11.xlsx》（第1版），原因：统一社会信用代码校验位错误。");
        assertThat(all).contains("常州斯威克光伏新材料有限公司（金城镇、直溪镇）", "江苏直溪机械有限公司（金城镇、直溪镇）");
        assertThat(all).contains("4.本期更正（旧版本已被新版本替代）：直溪镇第1版由第2版更正。");
        // two units reported: no ranking, and no "furthest behind" naming them
        assertThat(all).contains("报送单位不足4个（本期2个），不作排名。").doesNotContain("排名靠后");
        assertThat(all).contains("6.未作比较的项目：环比（与2020年10月比较）：两期报送的单位或月份不同（仅本期有金城镇）");
    }

    @Test
    void theUnitPageIsOnePageWithTheUnitsFiguresAndRank() throws IOException {
        Path page = dir.resolve("units/zhixi-2020-11.pdf");
        try (PDDocument doc = Loader.loadPDF(page.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
        }
        String text = text(page, 1, 1);
        assertThat(text).contains("直溪镇2020年11月质量强区工作情况", "帮助市场主体融资2800.5万元",
                "报送单位不足4个（本期2个），本期不作排名。", "第1页共1页");
        assertThat(text(dir.resolve("units/rulin-2020-11.pdf"), 1, 1)).contains("儒林镇本期报送未通过审核（统一社会信用代码校验位错误）");
        assertThat(dir.resolve("units")).isDirectoryContaining(p -> p.getFileName().toString().equals("changdanghu-2020-11.pdf"));
    }

    @Test
    void theSummaryWorkbookHasOneSheetPerTableNumbersAsNumbersAndNoFormula() throws IOException {
        try (Workbook wb = WorkbookFactory.create(dir.resolve("summary-2020-11.xlsx").toFile(), null, true)) {
            List<String> sheets = new ArrayList<>();
            wb.forEach(s -> sheets.add(s.getSheetName()));
            assertThat(sheets).containsExactly("主要指标", "目标完成", "各单位", "产业链", "质量荣誉", "数据说明", "报送情况");
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).as(sheet.getSheetName() + "!" + cell.getAddress()).isNotEqualTo(CellType.FORMULA);
                    }
                }
            }
            Row amount = wb.getSheet("主要指标").getRow(1 + Indicator.FINANCING_AMOUNT.ordinal());
            assertThat(amount.getCell(0).getStringCellValue()).isEqualTo("financing_amount");
            assertThat(amount.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(amount.getCell(4).getNumericCellValue()).isEqualTo(4301.00);
            assertThat(amount.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            Row target = wb.getSheet("目标完成").getRow(1);
            assertThat(target.getCell(4).getNumericCellValue()).isEqualTo(86.0);
            assertThat(target.getCell(6).getNumericCellValue()).isEqualTo(-5.7);
        }
    }

    @Test
    void renderingTwiceGivesTheSameFiguresAndWords() throws IOException {
        reports.render(Period.of(2020, 11));
        String json1 = withoutTimestamp(Files.readString(dir.resolve("figures-2020-11.json")));
        String pdf1 = withoutTimestamp(text(dir.resolve("briefing-2020-11.pdf"), 1, Integer.MAX_VALUE));
        String unit1 = text(dir.resolve("units/zhixi-2020-11.pdf"), 1, 1);
        reports.render(Period.of(2020, 11));
        assertThat(withoutTimestamp(Files.readString(dir.resolve("figures-2020-11.json")))).isEqualTo(json1);
        assertThat(withoutTimestamp(text(dir.resolve("briefing-2020-11.pdf"), 1, Integer.MAX_VALUE))).isEqualTo(pdf1);
        assertThat(text(dir.resolve("units/zhixi-2020-11.pdf"), 1, 1)).isEqualTo(unit1);
        assertThat(facts.of(Period.of(2020, 11))).isEqualTo(facts.of(Period.of(2020, 11)));
    }

    // the generation timestamp (JSON generated_at, the PDF's 生成时间 line) is the one thing that differs
    private static String withoutTimestamp(String text) {
        return text.replaceAll("\"generated_at\" : \"[^\"]*\"", "").replaceAll("生成时间：[0-9:\\- ]+", "")
                .replaceAll("\\d{4}年\\d{1,2}月\\d{1,2}日", "");
    }

    static String text(Path pdf, int from, int to) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(from);
            stripper.setEndPage(to);
            return stripper.getText(doc).replaceAll("\\s+", "");
        }
    }
}
