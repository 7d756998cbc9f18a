package cn.jintan.quality.job;

import cn.jintan.quality.testing.Installation;
import cn.jintan.quality.testing.InstallationRoot;
import cn.jintan.quality.testing.PipelineTest;
import cn.jintan.quality.testing.TestWorkbook;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static cn.jintan.quality.domain.SubmissionSheet.QUALITY;
import static org.assertj.core.api.Assertions.assertThat;

/** Every received file gets a JSON and a PDF receipt; a rejected one also its annotated workbook. */
@PipelineTest
class ReceiptFilesTest {

    @InstallationRoot
    static Path root;

    @Autowired
    NightlyRun nightlyRun;

    @Autowired
    JdbcClient jdbc;

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void cleanDatabase() throws IOException {
        Installation.emptyDatabase(jdbc);
        Installation.input(root);
    }

    private Path drop(TestWorkbook workbook, String name) {
        return Installation.drop(root, workbook, name);
    }

    private static String pdfText(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        }
    }

    @Test
    void everyFileGetsJsonAndPdfAndARejectedOneItsAnnotatedWorkbook() throws Exception {
        String bad = TestWorkbook.CODE_B.substring(0, 17) + (TestWorkbook.CODE_B.charAt(17) == '0' ? '1' : '0');
        Path good = drop(TestWorkbook.valid(), "直溪镇-2020-11.xlsx");
        byte[] goodBytes = Files.readAllBytes(good);
        drop(TestWorkbook.valid().cover("填报单位", "儒林镇").set(QUALITY, 1, "统一社会信用代码", bad), "儒林镇-2020-11.xlsx");
        drop(TestWorkbook.valid().cover("填报单位", "薛埠镇").set(QUALITY, 0, "国家标准", "2项"), "薛埠镇-2020-11.xls");
        drop(TestWorkbook.valid().cover("填报单位", "某某镇"), "某某镇.xlsx");
        nightlyRun.run();
        Path again = Files.write(root.resolve("input").resolve("直溪镇-2020-11(1).xlsx"), goodBytes);
        Installation.settle(again);
        nightlyRun.run();

        Path receipts = root.resolve("output/receipts/2020-11");
        // rejected .xlsx: JSON, PDF and the annotated copy with the problem cell marked
        assertThat(json.readTree(receipts.resolve("rulin-2020-11-v1.json").toFile()).get("status").asString()).isEqualTo("rejected");
        String rejected = pdfText(receipts.resolve("rulin-2020-11-v1.pdf"));
        assertThat(rejected).contains("报送回执", "儒林镇-2020-11.xlsx", "退回", "C4", "质量提升第4行企业\"江苏直溪机械有限公司\"的统一社会信用代码", "（C4单元格）校验位错误");
        try (InputStream in = Files.newInputStream(receipts.resolve("rulin-2020-11-v1.annotated.xlsx"));
             Workbook wb = WorkbookFactory.create(in)) {
            Cell c4 = wb.getSheet("质量提升").getRow(3).getCell(2);
            assertThat(c4.getCellComment().getString().getString()).contains("（C4单元格）校验位错误");
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("报送问题清单");
        }
        // rejected .xls: the annotated copy stays .xls
        assertThat(pdfText(receipts.resolve("xuebu-2020-11-v1.pdf"))).contains("退回", "2项");
        assertThat(receipts.resolve("xuebu-2020-11-v1.annotated.xls")).isRegularFile();
        // accepted: JSON and PDF, no annotated copy
        assertThat(pdfText(receipts.resolve("zhixi-2020-11-v1.pdf"))).contains("通过", "已计入全区统计", "质量提升2行");
        // the duplicate: same base name as its JSON
        try (Stream<Path> files = Files.list(receipts)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            String dupJson = names.stream().filter(n -> n.startsWith("zhixi-2020-11-v1-dup") && n.endsWith(".json")).findFirst().orElseThrow();
            String dupPdf = dupJson.replace(".json", ".pdf");
            assertThat(names).contains(dupPdf);
            assertThat(pdfText(receipts.resolve(dupPdf))).contains("重复", "内容完全相同", "无需处理");
            assertThat(names).noneMatch(n -> n.startsWith("zhixi") && n.contains("annotated"));
            assertThat(names).noneMatch(n -> n.endsWith(".part"));
        }
        // unit not in the registry: receipts/unknown/ under the SHA-256 prefix, all three files
        try (Stream<Path> files = Files.list(root.resolve("output/receipts/unknown"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertThat(names).hasSize(3);
            String base = names.get(0).replaceFirst("\\..*$", "");
            assertThat(names).containsExactlyInAnyOrder(base + ".annotated.xlsx", base + ".json", base + ".pdf");
            assertThat(pdfText(root.resolve("output/receipts/unknown").resolve(base + ".pdf"))).contains("未能识别", "某某镇", "退回");
        }
    }

    @Test
    void aSupersededReceiptIsRewrittenAsPdfToo() throws Exception {
        drop(TestWorkbook.valid(), "直溪镇-2020-11.xlsx");
        nightlyRun.run();
        Path receipts = root.resolve("output/receipts/2020-11");
        assertThat(pdfText(receipts.resolve("zhixi-2020-11-v1.pdf"))).contains("通过");
        drop(TestWorkbook.valid().set(QUALITY, 0, "国家标准", 5), "直溪镇-2020-11-更正.xlsx");
        nightlyRun.run();

        assertThat(json.readTree(receipts.resolve("zhixi-2020-11-v1.json").toFile()).get("status").asString()).isEqualTo("superseded");
        assertThat(pdfText(receipts.resolve("zhixi-2020-11-v1.pdf"))).contains("已被新版本替代", "以新版本为准");
        assertThat(pdfText(receipts.resolve("zhixi-2020-11-v2.pdf"))).contains("通过", "第2版", "计入统计的数据");
        // the replaced version no longer counts: its receipt shows no totals
        assertThat(json.readTree(receipts.resolve("zhixi-2020-11-v1.json").toFile()).has("totals")).isFalse();
        assertThat(pdfText(receipts.resolve("zhixi-2020-11-v1.pdf"))).doesNotContain("计入统计的数据");
        assertThat(json.readTree(receipts.resolve("zhixi-2020-11-v2.json").toFile()).get("totals").get("enterprises_reported").asInt())
                .isEqualTo(2);
    }

    /**
     * The clerk fixes the annotated workbook the receipt came with and sends it back as it is
     * (with the system's own sheet 报送问题清单 still in it): accepted, without a word about that sheet.
     */
    @Test
    void aFixedAnnotatedWorkbookSentBackIsAcceptedWithoutAWordAboutTheProblemSheet() throws Exception {
        String bad = TestWorkbook.CODE_B.substring(0, 17) + (TestWorkbook.CODE_B.charAt(17) == '0' ? '1' : '0');
        drop(TestWorkbook.valid().cover("填报单位", "儒林镇").set(QUALITY, 1, "统一社会信用代码", bad), "儒林镇-2020-11.xlsx");
        drop(TestWorkbook.valid().cover("填报单位", "薛埠镇").set(QUALITY, 1, "统一社会信用代码", bad), "薛埠镇-2020-11.xls");
        nightlyRun.run();
        Path receipts = root.resolve("output/receipts/2020-11");
        for (String annotated : List.of("rulin-2020-11-v1.annotated.xlsx", "xuebu-2020-11-v1.annotated.xls")) {
            Path fixed = root.resolve("input").resolve("改-" + annotated.replace("-v1.annotated", ""));
            try (InputStream in = Files.newInputStream(receipts.resolve(annotated)); Workbook wb = WorkbookFactory.create(in)) {
                assertThat(wb.getSheetName(0)).isEqualTo("报送问题清单");
                wb.getSheet("质量提升").getRow(3).getCell(2).setCellValue(TestWorkbook.CODE_B);
                try (var out = Files.newOutputStream(fixed)) {
                    wb.write(out);
                }
            }
            Installation.settle(fixed);
        }
        nightlyRun.run();

        for (String v2 : List.of("rulin-2020-11-v2", "xuebu-2020-11-v2")) {
            tools.jackson.databind.JsonNode receipt = json.readTree(receipts.resolve(v2 + ".json").toFile());
            assertThat(receipt.get("status").asString()).as(v2).isEqualTo("accepted");
            // the only warnings left: both units report the same two enterprises (nothing about the sheet)
            assertThat(receipt.get("issues").valueStream().map(i -> i.get("code").asString()).distinct().toList())
                    .as(v2).containsExactly("cross.duplicate_enterprise");
            assertThat(pdfText(receipts.resolve(v2 + ".pdf"))).doesNotContain("报送问题清单", "不属于报送模板");
        }
    }

    /**
     * Three versions, then two in one run: each receipt names the version it replaced and the one
     * that replaced it, and the run that replaced a version counts it ({@code files.superseded}).
     */
    @Test
    void versionsNameEachOtherBothWaysAndTheReplacingRunCountsThem() throws Exception {
        Path receipts = root.resolve("output/receipts/2020-11");
        drop(TestWorkbook.valid(), "直溪镇-2020-11.xlsx");
        nightlyRun.run();
        drop(TestWorkbook.valid().set(QUALITY, 0, "国家标准", 5), "直溪镇-2020-11-更正.xlsx");
        JobExecution second = nightlyRun.run();
        assertThat(runRecord(second).get("files").get("superseded").asInt()).isEqualTo(1);
        drop(TestWorkbook.valid().set(QUALITY, 0, "国家标准", 6), "直溪镇-2020-11-再更正.xlsx");
        JobExecution third = nightlyRun.run();

        tools.jackson.databind.JsonNode v1 = json.readTree(receipts.resolve("zhixi-2020-11-v1.json").toFile());
        tools.jackson.databind.JsonNode v2 = json.readTree(receipts.resolve("zhixi-2020-11-v2.json").toFile());
        tools.jackson.databind.JsonNode v3 = json.readTree(receipts.resolve("zhixi-2020-11-v3.json").toFile());
        assertThat(v3.get("replaces").get("version").asInt()).isEqualTo(2);
        assertThat(v3.get("replaces").get("sha256").asString()).isEqualTo(v2.get("sha256").asString());
        assertThat(v3.get("replaces").get("file").asString()).isEqualTo("直溪镇-2020-11-更正.xlsx");
        assertThat(v3.get("replaces").get("received_at").asString()).isEqualTo(v2.get("received_at").asString());
        assertThat(v3.has("replaced_by")).isFalse();
        assertThat(v2.get("status").asString()).isEqualTo("superseded");
        assertThat(v2.get("superseded_by").asString()).isEqualTo(v3.get("sha256").asString()); // the old key, unchanged
        assertThat(v2.get("replaced_by").get("version").asInt()).isEqualTo(3);
        assertThat(v2.get("replaced_by").get("file").asString()).isEqualTo("直溪镇-2020-11-再更正.xlsx");
        assertThat(v2.get("replaces").get("version").asInt()).isEqualTo(1);
        assertThat(v1.has("replaces")).isFalse();
        assertThat(v1.get("replaced_by").get("version").asInt()).isEqualTo(2);
        assertThat(pdfText(receipts.resolve("zhixi-2020-11-v3.pdf"))).contains("本版替代第2版（直溪镇-2020-11-更正.xlsx，");
        assertThat(pdfText(receipts.resolve("zhixi-2020-11-v2.pdf")))
                .contains("本版替代第1版（直溪镇-2020-11.xlsx，", "已被第3版（直溪镇-2020-11-再更正.xlsx）替代。");
        assertThat(pdfText(receipts.resolve("zhixi-2020-11-v1.pdf"))).contains("已被第2版（直溪镇-2020-11-更正.xlsx）替代。")
                .doesNotContain("本版替代");
        // the run that replaced version 2 counts it, though version 2 came in an earlier run
        assertThat(runRecord(third).get("files").get("superseded").asInt()).isEqualTo(1);
        assertThat(runRecord(third).get("files").get("accepted").asInt()).isEqualTo(1);

        // two versions in one run (taken by name at equal times): v4 replaces v3 and is replaced by v5
        drop(TestWorkbook.valid().set(QUALITY, 0, "国家标准", 7), "直溪镇-2020-11-d.xlsx");
        drop(TestWorkbook.valid().set(QUALITY, 0, "国家标准", 8), "直溪镇-2020-11-e.xlsx");
        JobExecution fourth = nightlyRun.run();
        assertThat(runRecord(fourth).get("files").get("superseded").asInt()).isEqualTo(2);
        assertThat(runRecord(fourth).get("files").get("accepted").asInt()).isEqualTo(1);
        tools.jackson.databind.JsonNode v4 = json.readTree(receipts.resolve("zhixi-2020-11-v4.json").toFile());
        assertThat(v4.get("replaces").get("version").asInt()).isEqualTo(3);
        assertThat(v4.get("replaced_by").get("version").asInt()).isEqualTo(5);
    }

    private tools.jackson.databind.JsonNode runRecord(JobExecution execution) {
        return json.readTree(root.resolve("output/runs/" + NightlyRun.runId(execution) + ".json").toFile());
    }

    /**
     * An accepted workbook with a blank row in 质量提升 and a note row under 融资助企 (both formats):
     * all eight enterprises counted, both rows named as warnings, and the receipt shows what was
     * counted so the clerk can check it against their own totals.
     */
    @Test
    void theReceiptOfAnAcceptedFileShowsWhatWasCounted() throws Exception {
        drop(withBlankAndNoteRows(TestWorkbook.valid()), "直溪镇-2020-11.xlsx");
        // another month, so the two units' enterprises are no cross-unit duplicates
        drop(withBlankAndNoteRows(TestWorkbook.valid().cover("填报单位", "儒林镇").cover("统计期", "2020-10")
                .set(cn.jintan.quality.domain.SubmissionSheet.FINANCING, 0, "登记日期", java.time.LocalDate.of(2020, 10, 5))
                .set(cn.jintan.quality.domain.SubmissionSheet.FINANCING, 1, "登记日期", "2020/10/20")), "儒林镇-2020-10.xls");
        drop(TestWorkbook.valid().cover("填报单位", "薛埠镇").set(QUALITY, 0, "国家标准", "2项"), "薛埠镇-2020-11.xlsx");
        nightlyRun.run();

        Path receipts = root.resolve("output/receipts/2020-11");
        for (String receiptName : List.of("2020-11/zhixi-2020-11-v1", "2020-10/rulin-2020-10-v1")) {
            Path file = root.resolve("output/receipts/" + receiptName + ".json");
            tools.jackson.databind.JsonNode receipt = json.readTree(file.toFile());
            assertThat(receipt.get("status").asString()).isEqualTo("accepted");
            assertThat(receipt.get("counts").get("质量提升").asInt()).isEqualTo(8);
            assertThat(receipt.get("issues")).extracting(i -> i.get("code").asString()).containsExactly("row.blank", "row.note");
            assertThat(receipt.get("issues").get(0).get("message").asString()).startsWith("质量提升第6行是空行");
            assertThat(receipt.get("issues").get(1).get("cell").asString()).isEqualTo("A5");
            tools.jackson.databind.JsonNode totals = receipt.get("totals");
            assertThat(totals.propertyNames()).containsExactly("enterprises_reported", "cqo_enterprises",
                    "financing_registrations", "financing_amount", "fee_relief_utilities", "fee_refund", "fee_relief_other");
            assertThat(totals.get("enterprises_reported").isIntegralNumber()).isTrue();
            assertThat(totals.get("enterprises_reported").asLong()).isEqualTo(8);
            assertThat(totals.get("cqo_enterprises").asLong()).isEqualTo(4);
            assertThat(totals.get("financing_registrations").asLong()).isEqualTo(3);
            assertThat(totals.get("financing_amount").decimalValue()).isEqualByComparingTo("1500.50");
            // money is a number with its two decimals, as the clerk's own books show it
            assertThat(Files.readString(file)).contains("\"financing_amount\" : 1500.50", "\"fee_refund\" : 1.25",
                    "\"fee_relief_other\" : 0.00", "\"fee_relief_utilities\" : 30.50");

            String pdf = pdfText(root.resolve("output/receipts/" + receiptName + ".pdf"));
            assertThat(pdf).contains("通过", "有2条提示", "质量提升8行",
                    "计入统计的数据（请与本单位台账核对）：填报企业数8家；首席质量官企业数4家；办理融资登记3件；"
                            + "帮助市场主体融资1500.50万元；减免涉企水、电、气费用30.50万元；清退各类涉企费用1.25万元；其他减免0.00万元。",
                    "质量提升第6行是空行", "是说明或签名行");
        }
        // a rejected file counted for nothing: no totals
        assertThat(json.readTree(receipts.resolve("xuebu-2020-11-v1.json").toFile()).has("totals")).isFalse();
        assertThat(pdfText(receipts.resolve("xuebu-2020-11-v1.pdf"))).contains("退回").doesNotContain("计入统计的数据");
        // and the briefing counts all eight enterprises of each
        assertThat(jdbc.sql("SELECT COUNT(*) FROM quality_row").query(Integer.class).single()).isEqualTo(16);
    }

    /** Six more enterprises (three with a 首席质量官), a blank row as Excel row 6, a note under 融资助企. */
    private static TestWorkbook withBlankAndNoteRows(TestWorkbook wb) {
        for (int n = 3; n <= 8; n++) {
            wb.quality(java.util.Map.of("企业名称", "金坛第" + n + "机械有限公司",
                    "统一社会信用代码", cn.jintan.quality.domain.Uscc.complete("91320482MA1Q0A0C" + n),
                    "所属产业", "其他", "首席质量官", n % 2 == 0 ? "是" : "否"));
        }
        return wb.insertRow(QUALITY, 3, java.util.Map.of())
                .insertRow(cn.jintan.quality.domain.SubmissionSheet.FINANCING, 2,
                        java.util.Map.of("序号", "填表说明：融资金额单位为万元，登记日期按登记证明填写。"));
    }
}
