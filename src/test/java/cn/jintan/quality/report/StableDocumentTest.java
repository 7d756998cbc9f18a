package cn.jintan.quality.report;

import cn.jintan.quality.PipelineProperties;
import cn.jintan.quality.domain.Period;
import cn.jintan.quality.job.NightlyRun;
import cn.jintan.quality.testing.Installation;
import cn.jintan.quality.testing.InstallationRoot;
import cn.jintan.quality.testing.MovableClock;
import cn.jintan.quality.testing.PipelineTest;
import cn.jintan.quality.testing.TestWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static cn.jintan.quality.domain.SubmissionSheet.FINANCING;
import static cn.jintan.quality.domain.SubmissionSheet.QUALITY;
import static cn.jintan.quality.report.BriefingHistoryTest.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A briefing is a document: rendered again on another day (a later run, {@code report}) from the
 * same database it says the same thing word for word, dated the day it was first issued, with its
 * year in the issue number. Only {@code report --date} changes the date, and keeps the new one.
 */
@PipelineTest
@Import(MovableClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StableDocumentTest {

    @InstallationRoot
    static Path root;
    static final ZoneId SHANGHAI = MovableClock.SHANGHAI;

    @Autowired
    MovableClock clock;

    @Autowired
    NightlyRun nightlyRun;

    @Autowired
    PeriodReports reports;

    @Autowired
    PipelineProperties properties;

    @Autowired
    JdbcClient jdbc;

    private static final Period NOVEMBER = Period.of(2020, 11);
    private Path dir;
    private Rendering first;

    @BeforeAll
    void runTheMonth() throws Exception {
        Installation.emptyDatabase(jdbc);
        jdbc.sql("DELETE FROM briefing_issue").update();
        dir = properties.output().resolve("briefings/2020-11");
        // 3 December 2020, 10:00 in Shanghai: the night the 2020-11 briefing is first issued
        clock.set(LocalDateTime.of(2020, 12, 3, 10, 0));
        drop(month(TestWorkbook.valid(), 2019, 11), "直溪镇-2019-11.xlsx", 500);
        drop(month(TestWorkbook.valid(), 2020, 10).set(FINANCING, 0, "融资金额（万元）", new BigDecimal("1000")),
                "直溪镇-2020-10.xlsx", 400);
        drop(TestWorkbook.valid().cover("填报人", "张三"), "直溪镇-2020-11.xlsx", 300);
        drop(TestWorkbook.valid(), "直溪镇-2020-11-更正.xlsx", 200);
        drop(TestWorkbook.valid().cover("填报单位", "金城镇").set(QUALITY, 1, "首席质量官", "是"), "金城镇-2020-11.xlsx", 100);
        drop(TestWorkbook.valid().cover("填报单位", "薛埠镇").set(FINANCING, 0, "融资金额（万元）", new BigDecimal("1200.50")),
                "薛埠镇-2020-11.xlsx", 95);
        String bad = TestWorkbook.CODE_B.substring(0, 17) + (TestWorkbook.CODE_B.charAt(17) == '0' ? '1' : '0');
        drop(TestWorkbook.valid().cover("填报单位", "儒林镇").set(QUALITY, 1, "统一社会信用代码", bad), "儒林镇-2020-11.xlsx", 90);
        assertThat(nightlyRun.run().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        first = rendering();
    }

    @Test
    @Order(1)
    void theFirstIssueIsDatedTheDayItWasIssuedWithItsYearInTheIssueNumber() throws IOException {
        String page1 = text(dir.resolve("briefing-2020-11.pdf"), 1, 1);
        assertThat(page1).contains("金坛区质量强区工作简报2020年第11期", "2020年12月3日");
        assertThat(page1).doesNotContain("生成时间");
        String unitPage = text(dir.resolve("units/zhixi-2020-11.pdf"), 1, 1);
        assertThat(unitPage).contains("2020年第11期", "2020年12月3日");
        assertThat(first.json()).contains("\"issue_date\" : \"2020-12-03\"");
        assertThat(jdbc.sql("SELECT issue_date FROM briefing_issue WHERE period = '2020-11'").query(LocalDate.class).single())
                .isEqualTo(LocalDate.of(2020, 12, 3));
    }

    @Test
    @Order(2)
    void renderingAgainOnAnotherDayGivesTheSameTextWordForWord() throws Exception {
        // years later, by report --period, and by a run that finds nothing new (it renders the latest period)
        clock.set(LocalDateTime.of(2026, 12, 1, 2, 0));
        reports.render(NOVEMBER);
        Rendering again = rendering();
        assertThat(again.briefing()).isEqualTo(first.briefing());
        assertThat(again.units()).isEqualTo(first.units());
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(again.summary()).isEqualTo(first.summary());
        assertThat(again.generatedAt()).isNotEqualTo(first.generatedAt()).startsWith("2026-12-01T02:00");

        clock.set(LocalDateTime.of(2027, 3, 9, 2, 0));
        assertThat(nightlyRun.run().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(rendering().briefing()).isEqualTo(first.briefing());
        assertThat(rendering().units()).isEqualTo(first.units());
    }

    @Test
    @Order(3)
    void aDateGivenOnTheCommandLineIsUsedAndKept() throws Exception {
        reports.render(NOVEMBER, LocalDate.of(2020, 12, 10));
        Rendering redated = rendering();
        assertThat(redated.briefing().get(0)).contains("2020年12月10日").doesNotContain("2020年12月3日");
        assertThat(redated.units().get("zhixi-2020-11.pdf")).contains("2020年12月10日");
        assertThat(redated.json()).contains("\"issue_date\" : \"2020-12-10\"");
        // nothing else changed
        assertThat(redated.briefing().get(0).replace("2020年12月10日", "2020年12月3日")).isEqualTo(first.briefing().get(0));
        assertThat(redated.briefing().subList(1, redated.briefing().size()))
                .isEqualTo(first.briefing().subList(1, first.briefing().size()));
        assertThat(redated.summary()).isEqualTo(first.summary());

        clock.set(LocalDateTime.of(2027, 5, 1, 2, 0));
        reports.render(NOVEMBER);
        assertThat(rendering().briefing()).isEqualTo(redated.briefing());
    }

    @Test
    @Order(4)
    void aPeriodFirstIssuedAfterMidnightInShanghaiIsDatedThatDay() throws IOException {
        // December, never rendered before: 17:30 UTC on New Year's Eve is 01:30 on 1 January in Shanghai
        clock.set(Instant.parse("2020-12-31T17:30:00Z"));
        reports.render(Period.of(2020, 12));
        assertThat(text(properties.output().resolve("briefings/2020-12/briefing-2020-12.pdf"), 1, 1))
                .contains("2020年第12期", "2021年1月1日");
        assertThat(jdbc.sql("SELECT issue_date FROM briefing_issue WHERE period = '2020-12'").query(LocalDate.class).single())
                .isEqualTo(LocalDate.of(2021, 1, 1));
        // the periods issued before keep their dates
        assertThat(jdbc.sql("SELECT issue_date FROM briefing_issue WHERE period = '2020-10'").query(LocalDate.class).single())
                .isEqualTo(LocalDate.of(2020, 12, 3));
    }

    /** Every text of a period's rendering: briefing pages, unit pages, JSON without generated_at, workbook cells. */
    record Rendering(List<String> briefing, Map<String, String> units, String json, String generatedAt,
                     Map<String, List<String>> summary) {
    }

    private Rendering rendering() throws IOException {
        List<String> pages = new ArrayList<>();
        int count;
        try (var doc = org.apache.pdfbox.Loader.loadPDF(dir.resolve("briefing-2020-11.pdf").toFile())) {
            count = doc.getNumberOfPages();
        }
        for (int page = 1; page <= count; page++) {
            pages.add(text(dir.resolve("briefing-2020-11.pdf"), page, page));
        }
        Map<String, String> units = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir.resolve("units")).sorted()) {
            for (Path file : files.toList()) {
                units.put(file.getFileName().toString(), text(file, 1, Integer.MAX_VALUE));
            }
        }
        assertThat(units).hasSize(13);
        String json = Files.readString(dir.resolve("figures-2020-11.json"));
        java.util.regex.Matcher generated = java.util.regex.Pattern.compile("\"generated_at\" : \"([^\"]*)\"").matcher(json);
        assertThat(generated.find()).isTrue();
        return new Rendering(pages, units, json.replace(generated.group(0), ""), generated.group(1), cells());
    }

    private Map<String, List<String>> cells() throws IOException {
        Map<String, List<String>> cells = new LinkedHashMap<>();
        try (Workbook wb = WorkbookFactory.create(dir.resolve("summary-2020-11.xlsx").toFile(), null, true)) {
            for (Sheet sheet : wb) {
                List<String> values = new ArrayList<>();
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        values.add(cell.getAddress() + "=" + switch (cell.getCellType()) {
                            case NUMERIC -> String.valueOf(cell.getNumericCellValue());
                            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
                            default -> cell.getStringCellValue();
                        });
                    }
                }
                cells.put(sheet.getSheetName(), values);
            }
        }
        return cells;
    }

    private static TestWorkbook month(TestWorkbook workbook, int year, int month) {
        return workbook.cover("统计期", year + "-" + month)
                .set(FINANCING, 0, "登记日期", LocalDate.of(year, month, 5))
                .set(FINANCING, 1, "登记日期", LocalDate.of(year, month, 20));
    }

    /** Intake takes files that settled before the (moved) clock, oldest first. */
    private void drop(TestWorkbook workbook, String name, int secondsAgo) throws IOException {
        Path file = workbook.write(Installation.input(root).resolve(name));
        Files.setLastModifiedTime(file, FileTime.from(clock.instant().minusSeconds(secondsAgo)));
    }
}
