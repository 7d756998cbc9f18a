package cn.jintan.quality.job;

import cn.jintan.quality.config.JobsFiles;
import cn.jintan.quality.testing.Installation;
import cn.jintan.quality.domain.UnitRegistry;
import cn.jintan.quality.samples.SampleWorkbooks;
import cn.jintan.quality.testing.InstallationRoot;
import cn.jintan.quality.testing.PipelineTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference case end to end: the bundled samples (all 299, 2019-01..2020-11) through the real job
 * give the district figures the 2020 newspaper page published, in figures-2020-11.json and in the
 * briefing PDF, with the flows summed over January..November. The only test that runs the whole
 * history through the pipeline; others write the months they need.
 */
@PipelineTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferenceCaseTest {

    /** indicators.md, "The reference case": key → published value (flows as year-to-date). */
    private static final Map<String, String> REFERENCE = new LinkedHashMap<>();

    static {
        REFERENCE.put("key_enterprises", "100");
        REFERENCE.put("cqo_enterprises", "75");
        REFERENCE.put("std_national", "46");
        REFERENCE.put("std_industry", "27");
        REFERENCE.put("std_local", "24");
        REFERENCE.put("pilot_national", "3");
        REFERENCE.put("pilot_provincial", "15");
        REFERENCE.put("award_governor", "1");
        REFERENCE.put("award_mayor", "5");
        REFERENCE.put("credit_aa_plus", "4");
        REFERENCE.put("jiangsu_boutique", "1");
        REFERENCE.put("standard_leader", "1");
        REFERENCE.put("financing_registrations_ytd", "101");
        REFERENCE.put("financing_amount_ytd", "667500.00");
        REFERENCE.put("fee_relief_utilities_ytd", "10640.00");
        REFERENCE.put("fee_refund_ytd", "360.00");
    }

    @InstallationRoot
    static Path root;

    @Autowired
    NightlyRun nightlyRun;

    private JobExecution execution;
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    void runTheSamples() throws Exception {
        List<Path> samples = SampleWorkbooks.write(root.resolve("input"), JobsFiles.units(Path.of("jobs")));
        for (Path sample : samples) {
            Installation.settle(sample);
        }
        execution = nightlyRun.run();
    }

    private Path briefings() {
        return root.resolve("output/briefings/2020-11");
    }

    @Test
    void theRunCompletesAndEveryWorkbookIsAcceptedWithoutAnError() throws IOException {
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<String> statuses = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        try (Stream<Path> receipts = Files.walk(root.resolve("output/receipts"))) {
            for (Path receipt : receipts.filter(p -> p.toString().endsWith(".json")).toList()) {
                JsonNode node = json.readTree(receipt.toFile());
                statuses.add(node.get("status").asString());
                node.get("issues").forEach(issue -> {
                    if (!"WARNING".equals(issue.get("severity").asString())) {
                        errors.add(receipt.getFileName() + " " + issue);
                    }
                });
            }
        }
        assertThat(statuses).hasSize(299).containsOnly("accepted");
        assertThat(errors).isEmpty();
        assertThat(root.resolve("output/receipts/2020-11/zhixi-2020-11-v1.json")).isRegularFile();
        assertThat(root.resolve("output/receipts/2019-01/xuebu-2019-01-v1.json")).isRegularFile();
    }

    @Test
    void yearToDateIsJanuaryToNovemberAndTheYearBeforeIsComplete() {
        for (int year : List.of(2019, 2020)) {
            JsonNode november = district(year + "-11");
            for (String flow : List.of("financing_registrations", "financing_amount", "fee_relief_utilities", "fee_refund")) {
                java.math.BigDecimal months = java.math.BigDecimal.ZERO;
                for (int m = 1; m <= 11; m++) {
                    JsonNode month = district(String.format("%d-%02d", year, m));
                    assertThat(month.get(flow).decimalValue().signum()).as(flow + " " + year + "-" + m).isNotNegative();
                    months = months.add(month.get(flow).decimalValue());
                }
                assertThat(november.get(flow + "_ytd").decimalValue()).as(flow + "_ytd " + year).isEqualByComparingTo(months);
            }
            // every unit reported every month of both years: 同比 compares two complete years
            for (int m = 1; m <= 11; m++) {
                JsonNode figures = json.readTree(figuresFile(String.format("%d-%02d", year, m)).toFile());
                assertThat(figures.get("missing_units")).isEmpty();
                assertThat(figures.get("submissions")).hasSize(13);
            }
        }
        // the year before is lower, but of the same order (not one month against eleven)
        java.math.BigDecimal amount2019 = district("2019-11").get("financing_amount_ytd").decimalValue();
        assertThat(amount2019).isBetween(new java.math.BigDecimal("300000"), new java.math.BigDecimal("600000"));
        assertThat(district("2019-12").get("financing_amount_ytd").decimalValue()).isGreaterThan(amount2019);
    }

    @Test
    void stocksGrowOverTheTwoYearsAndFlowsMoveFromMonthToMonth() {
        JsonNode first = district("2019-01");
        JsonNode last = district("2020-11");
        for (String stock : List.of("enterprises_reported", "key_enterprises", "cqo_enterprises", "std_national",
                "std_industry", "std_local")) {
            assertThat(first.get(stock).asLong()).as(stock).isPositive().isLessThan(last.get(stock).asLong());
        }
        List<java.math.BigDecimal> amounts = new ArrayList<>();
        for (int m = 1; m <= 11; m++) {
            amounts.add(district(String.format("2020-%02d", m)).get("financing_amount").decimalValue());
        }
        assertThat(amounts).doesNotHaveDuplicates().allSatisfy(a -> assertThat(a.signum()).isPositive());
    }

    @Test
    void theReferenceBriefingComparesTheYearToDateWithAFullYearBefore() throws IOException {
        JsonNode now = district("2020-11");
        JsonNode before = district("2019-11");
        String text;
        try (PDDocument document = Loader.loadPDF(briefings().resolve("briefing-2020-11.pdf").toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setEndPage(1);
            text = stripper.getText(document).replaceAll("\\s+", "");
        }
        for (String key : List.of("financing_amount_ytd", "fee_relief_utilities_ytd")) {
            java.math.BigDecimal percent = new cn.jintan.quality.aggregate.Change(now.get(key).decimalValue(),
                    before.get(key).decimalValue()).percent();
            // tens of percent, as between two whole years, and printed on page 1
            assertThat(percent).as(key).isBetween(java.math.BigDecimal.ONE, new java.math.BigDecimal("300"));
            assertThat(text).as(key).contains("+" + percent.toPlainString() + "%");
        }
    }

    private Path figuresFile(String period) {
        return root.resolve("output/briefings/" + period + "/figures-" + period + ".json");
    }

    private JsonNode district(String period) {
        return json.readTree(figuresFile(period).toFile()).get("district");
    }

    @Test
    void figuresJsonEqualsThePublishedReferenceTable() throws IOException {
        String text = Files.readString(briefings().resolve("figures-2020-11.json"));
        JsonNode district = json.readTree(text).get("district");
        Map<String, String> actual = new LinkedHashMap<>();
        REFERENCE.keySet().forEach(key -> actual.put(key, district.get(key).decimalValue().stripTrailingZeros().toPlainString()));
        // compare the numbers, then the money as written: two decimals in the file itself
        assertThat(actual).isEqualTo(REFERENCE.entrySet().stream().collect(LinkedHashMap::new,
                (m, e) -> m.put(e.getKey(), new java.math.BigDecimal(e.getValue()).stripTrailingZeros().toPlainString()),
                Map::putAll));
        assertThat(text).contains("\"financing_amount_ytd\" : 667500.00,", "\"fee_relief_utilities_ytd\" : 10640.00,",
                "\"fee_refund_ytd\" : 360.00,");
        JsonNode root = json.readTree(text);
        assertThat(root.get("period").asString()).isEqualTo("2020-11");
        assertThat(root.get("units")).hasSize(13);
        assertThat(root.get("missing_units")).isEmpty();
        assertThat(root.get("submissions")).hasSize(13);
    }

    @Test
    void theBriefingShowsTheReferenceFiguresInAnEmbeddedChineseFont() throws IOException {
        Path pdf = briefings().resolve("briefing-2020-11.pdf");
        assertThat(pdf).isRegularFile();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            assertThat(text).contains("金坛区质量强区工作简报", "2020年11月",
                    "首席质量官\"企业75家", "国家标准46项", "行业标准27项", "地方标准24项",
                    "融资登记101件", "66.75亿元", "1.064亿元", "360万元");
            assertThat(text).contains("华罗庚高新技术产业开发区", "长荡湖旅游度假区");
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name));
                }
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> assertThat(font.isEmbedded()).as(font.getName()).isTrue());
            // Source Han Sans ships under its Noto name; Type0 over CIDFontType2 means TrueType outlines
            assertThat(fonts).allSatisfy(font -> {
                assertThat(font.getName()).contains("NotoSansHans");
                assertThat(font).isInstanceOf(org.apache.pdfbox.pdmodel.font.PDType0Font.class);
                assertThat(((org.apache.pdfbox.pdmodel.font.PDType0Font) font).getDescendantFont())
                        .isInstanceOf(org.apache.pdfbox.pdmodel.font.PDCIDFontType2.class);
            });
        }
    }

    @Test
    void theDistrictTotalEqualsTheSumOfTheUnits() throws IOException {
        JsonNode root = json.readTree(briefings().resolve("figures-2020-11.json").toFile());
        // the samples have no enterprise reported by two units, so stocks add up too
        root.get("district").properties().forEach(e -> {
            java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
            for (JsonNode unit : root.get("units")) {
                sum = sum.add(unit.get("figures").get(e.getKey()).decimalValue());
            }
            assertThat(sum).as(e.getKey()).isEqualByComparingTo(e.getValue().decimalValue());
        });
    }

    @Test
    void theLeadParagraphsNumbersAreTheFigures() throws IOException {
        JsonNode district = json.readTree(briefings().resolve("figures-2020-11.json").toFile()).get("district");
        String text;
        try (PDDocument document = Loader.loadPDF(briefings().resolve("briefing-2020-11.pdf").toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setEndPage(1);
            text = stripper.getText(document).replaceAll("\\s+", "");
        }
        // all 13 units reported: the district, 全区; the year to date is marked while samples lack months of 2020
        java.util.regex.Matcher lead = java.util.regex.Pattern.compile("至11月底，全区拥有\"首席质量官\"企业(\\d+)家，主导制修订国家标准(\\d+)项、"
                + "行业标准(\\d+)项、地方标准(\\d+)项；1-11月(?:（缺[^）]*）)?办理各类融资登记(\\d+)件，帮助市场主体融资([\\d.]+)亿元，"
                + "减免涉企水、电、气费用([\\d.]+)亿元，清退各类涉企费用([\\d.]+)万元。").matcher(text);
        assertThat(lead.find()).as(text).isTrue();
        String[] keys = {"cqo_enterprises", "std_national", "std_industry", "std_local", "financing_registrations_ytd"};
        for (int i = 0; i < keys.length; i++) {
            assertThat(new java.math.BigDecimal(lead.group(i + 1))).as(keys[i]).isEqualByComparingTo(district.get(keys[i]).decimalValue());
        }
        // 亿元 = 10000 万元, exactly
        assertThat(new java.math.BigDecimal(lead.group(6)).movePointRight(4)).isEqualByComparingTo(district.get("financing_amount_ytd").decimalValue());
        assertThat(new java.math.BigDecimal(lead.group(7)).movePointRight(4)).isEqualByComparingTo(district.get("fee_relief_utilities_ytd").decimalValue());
        assertThat(new java.math.BigDecimal(lead.group(8))).isEqualByComparingTo(district.get("fee_refund_ytd").decimalValue());
    }

    @Test
    void theReferenceBriefingHasEverySectionComparisonsUnitPagesAndTheSummary() throws IOException {
        try (PDDocument document = Loader.loadPDF(briefings().resolve("briefing-2020-11.pdf").toFile())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            assertThat(text).contains("一、主要指标", "二、报送情况", "三、各单位主要指标", "四、\"三新一特\"产业链情况", "五、图表",
                    "六、质量荣誉", "七、数据说明", "排名靠后的三个单位", "中盐金坛盐化有限责任公司", "常州斯威克光伏新材料有限公司");
            // October 2020 and November 2019 were submitted (as every month): 环比 and 同比 have numbers, not dashes
            assertThat(text).containsPattern("首席质量官企业数家75[+-]?[0-9.]+%|首席质量官企业数家75持平");
            assertThat(text).contains("帮助市场主体融资万元");
            List<String> bookmarks = new ArrayList<>();
            document.getDocumentCatalog().getDocumentOutline().children().forEach(item -> bookmarks.add(item.getTitle()));
            assertThat(bookmarks).hasSize(8);
        }
        try (Stream<Path> units = Files.list(briefings().resolve("units"))) {
            assertThat(units.map(p -> p.getFileName().toString())).hasSize(13).contains("zhixi-2020-11.pdf", "hlghitech-2020-11.pdf");
        }
        assertThat(briefings().resolve("summary-2020-11.xlsx")).isRegularFile();
    }
}
