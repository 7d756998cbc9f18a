package cn.jintan.quality.job;

import cn.jintan.quality.QualityBriefingApplication;
import cn.jintan.quality.testing.Installation;
import cn.jintan.quality.testing.TestWorkbook;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
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
@SpringBootTest(classes = QualityBriefingApplication.class)
class ReceiptFilesTest {

    @TempDir
    static Path root;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        Installation.folders(registry, root, Installation.repositoryJobs());
    }

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
        assertThat(rejected).contains("报送回执", "儒林镇-2020-11.xlsx", "退回", "C4", "统一社会信用代码校验位错误，请核对第4行该企业的代码");
        try (InputStream in = Files.newInputStream(receipts.resolve("rulin-2020-11-v1.annotated.xlsx"));
             Workbook wb = WorkbookFactory.create(in)) {
            Cell c4 = wb.getSheet("质量提升").getRow(3).getCell(2);
            assertThat(c4.getCellComment().getString().getString()).contains("统一社会信用代码校验位错误");
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
        assertThat(pdfText(receipts.resolve("zhixi-2020-11-v2.pdf"))).contains("通过", "第2版");
    }
}
