package cn.jintan.quality.job;

import cn.jintan.quality.testing.Installation;
import cn.jintan.quality.testing.InstallationRoot;
import cn.jintan.quality.testing.PipelineTest;
import cn.jintan.quality.testing.TestWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static cn.jintan.quality.domain.SubmissionSheet.QUALITY;
import static org.assertj.core.api.Assertions.assertThat;

/** The real job on a real file-based H2: good files count, a bad one is rejected and counts nothing. */
@PipelineTest
class NightlyRunTest {

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

    @Test
    void aRejectedFileCountsForNothingWhileTheOthersCount() throws Exception {
        drop(TestWorkbook.valid(), "直溪镇-2020-11.xlsx");
        drop(TestWorkbook.valid().cover("填报单位", "金城镇"), "金城镇-2020-11.xls");
        String bad = TestWorkbook.CODE_B.substring(0, 17) + (TestWorkbook.CODE_B.charAt(17) == '0' ? '1' : '0');
        drop(TestWorkbook.valid().cover("填报单位", "儒林镇").set(QUALITY, 1, "统一社会信用代码", bad), "儒林镇-2020-11.xlsx");
        Files.writeString(root.resolve("input").resolve("~$直溪镇-2020-11.xlsx"), "Office lock file");

        JobExecution execution = nightlyRun.run();

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Path receipts = root.resolve("output/receipts/2020-11");
        JsonNode rejected = json.readTree(receipts.resolve("rulin-2020-11-v1.json").toFile());
        assertThat(rejected.get("status").asString()).isEqualTo("rejected");
        JsonNode issue = rejected.get("issues").get(0);
        assertThat(issue.get("code").asString()).isEqualTo("uscc.checksum");
        assertThat(issue.get("cell").asString()).isEqualTo("C4");
        assertThat(issue.get("row").asInt()).isEqualTo(4);
        assertThat(json.readTree(receipts.resolve("zhixi-2020-11-v1.json").toFile()).get("status").asString()).isEqualTo("accepted");
        JsonNode jincheng = json.readTree(receipts.resolve("jincheng-2020-11-v1.json").toFile());
        assertThat(jincheng.get("counts").get("质量提升").asInt()).isEqualTo(2);
        // both units report the same two enterprises: a warning on both receipts, naming the other unit
        JsonNode zhixi = json.readTree(receipts.resolve("zhixi-2020-11-v1.json").toFile());
        for (JsonNode receipt : List.of(zhixi, jincheng)) {
            assertThat(receipt.get("issues")).hasSize(2);
            assertThat(receipt.get("issues").get(0).get("code").asString()).isEqualTo("cross.duplicate_enterprise");
            assertThat(receipt.get("issues").get(0).get("severity").asString()).isEqualTo("WARNING");
            assertThat(receipt.get("issues").get(0).get("cell").asString()).isEqualTo("C3");
        }
        assertThat(zhixi.get("issues").get(0).get("message").asString()).contains("金城镇");
        assertThat(jincheng.get("issues").get(1).get("message").asString()).contains("直溪镇", TestWorkbook.CODE_B);

        JsonNode figures = json.readTree(root.resolve("output/briefings/2020-11/figures-2020-11.json").toFile());
        // 直溪镇 and 金城镇 report the same two enterprises: each unit counts them, the district once
        assertThat(figures.get("district").get("enterprises_reported").asInt()).isEqualTo(2);
        assertThat(figures.get("district").get("std_national").asInt()).isEqualTo(2);
        // flows add up: 2 units × (1200.50 + 300)
        assertThat(figures.get("district").get("financing_amount").decimalValue()).isEqualByComparingTo("3001.00");
        // money is written with exactly 2 decimals
        String text = Files.readString(root.resolve("output/briefings/2020-11/figures-2020-11.json"));
        assertThat(text).contains("\"financing_amount_ytd\" : 3001.00,", "\"fee_relief_utilities\" : 61.00,",
                "\"fee_relief_utilities_ytd\" : 61.00,");
        assertThat(figures.get("rejected_units").get(0).asString()).isEqualTo("儒林镇");
        assertThat(figures.get("missing_units")).hasSize(10);
        // input/ keeps only what still waits (the lock file); every original is archived
        try (Stream<Path> left = Files.list(root.resolve("input"))) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("~$直溪镇-2020-11.xlsx");
        }
        assertThat(jdbc.sql("SELECT archive_path FROM submission").query(String.class).list())
                .hasSize(3).allSatisfy(p -> assertThat(Path.of(p)).isRegularFile());
    }

    @Test
    void aRedroppedFileIsADuplicateAndCountsOnce() throws Exception {
        Path original = drop(TestWorkbook.valid(), "直溪镇-2020-11.xlsx");
        byte[] bytes = Files.readAllBytes(original);
        nightlyRun.run();
        Path again = Files.write(root.resolve("input").resolve("直溪镇-2020-11(1).xlsx"), bytes);
        Installation.settle(again);

        JobExecution second = nightlyRun.run();

        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM submission WHERE status = 'DUPLICATE'").query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM quality_row").query(Integer.class).single()).isEqualTo(2);
        JsonNode figures = json.readTree(root.resolve("output/briefings/2020-11/figures-2020-11.json").toFile());
        assertThat(figures.get("district").get("enterprises_reported").asInt()).isEqualTo(2);
        JsonNode summary = json.readTree(root.resolve("output/runs/" + NightlyRun.runId(second) + ".json").toFile());
        assertThat(summary.get("files").get("duplicate").asInt()).isEqualTo(1);
        assertThat(summary.get("files").get("accepted").asInt()).isZero();
    }

    @Test
    void aCorrectedVersionSupersedesTheOlderOne() throws Exception {
        drop(TestWorkbook.valid(), "直溪镇-2020-11.xlsx");
        nightlyRun.run();
        drop(TestWorkbook.valid().set(QUALITY, 0, "国家标准", 5), "直溪镇-2020-11-更正.xlsx");
        nightlyRun.run();

        Path receipts = root.resolve("output/receipts/2020-11");
        JsonNode v1 = json.readTree(receipts.resolve("zhixi-2020-11-v1.json").toFile());
        JsonNode v2 = json.readTree(receipts.resolve("zhixi-2020-11-v2.json").toFile());
        assertThat(v1.get("status").asString()).isEqualTo("superseded");
        assertThat(v1.get("superseded_by").asString()).isEqualTo(v2.get("sha256").asString());
        JsonNode figures = json.readTree(root.resolve("output/briefings/2020-11/figures-2020-11.json").toFile());
        assertThat(figures.get("district").get("std_national").asInt()).isEqualTo(5);
    }

    @Test
    void aRejectedVersionNeverReplacesTheAcceptedOne() throws Exception {
        drop(TestWorkbook.valid(), "直溪镇-2020-11.xlsx");
        nightlyRun.run();
        drop(TestWorkbook.valid().set(QUALITY, 0, "国家标准", "五"), "直溪镇-2020-11-更正.xlsx");
        nightlyRun.run();

        Path receipts = root.resolve("output/receipts/2020-11");
        assertThat(json.readTree(receipts.resolve("zhixi-2020-11-v1.json").toFile()).get("status").asString()).isEqualTo("accepted");
        JsonNode v2 = json.readTree(receipts.resolve("zhixi-2020-11-v2.json").toFile());
        assertThat(v2.get("status").asString()).isEqualTo("rejected");
        JsonNode figures = json.readTree(root.resolve("output/briefings/2020-11/figures-2020-11.json").toFile());
        assertThat(figures.get("district").get("std_national").asInt()).isEqualTo(2);
        assertThat(figures.get("units").get(2).get("status").asString()).isEqualTo("accepted"); // 直溪镇, registry order
    }
}
