package cn.jintan.quality.job;

import cn.jintan.quality.JsonFiles;
import cn.jintan.quality.PipelineProperties;
import cn.jintan.quality.RenderThreads;
import cn.jintan.quality.domain.UnitRegistry;
import cn.jintan.quality.domain.Uscc;
import cn.jintan.quality.intake.Archive;
import cn.jintan.quality.receipt.FailingReceiptWriter;
import cn.jintan.quality.quarantine.Quarantine;
import cn.jintan.quality.store.SubmissionStore;
import cn.jintan.quality.testing.Installation;
import cn.jintan.quality.testing.InstallationRoot;
import cn.jintan.quality.testing.PipelineTest;
import cn.jintan.quality.testing.TestWorkbook;
import cn.jintan.quality.validation.RowSink;
import cn.jintan.quality.validation.Submission;
import cn.jintan.quality.validation.SubmissionValidator;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An unexpected error on one file (a bug, made here by wrapping the real validator or receipt
 * writer) rolls that file back and quarantines it; the run goes on with the others, completes and
 * exits 1. An error of the database fails the run instead and quarantines nothing (the partitions of
 * the other units, two at a time here on any machine, still store theirs).
 */
@PipelineTest(properties = "qb.intake-workers=2")
@Import(QuarantineTest.Failing.class)
class QuarantineTest {

    private static final String FIRST = "直溪镇-2020-11.xlsx";
    private static final String POISONED = "儒林镇-2020-11.xlsx";
    private static final String LAST = "金城镇-2020-11.xls";
    /** More rows than one batch of the store's streamed inserts, so some reach the database before the failure. */
    private static final int MANY_ROWS = 2_500;

    @InstallationRoot
    static Path root;

    /** The real validator, made to fail like a bug would on the one file a test names, after reading it whole. */
    static class FailingValidator extends SubmissionValidator {

        private volatile String failFor;
        private volatile Supplier<RuntimeException> error;
        final AtomicInteger rowsBeforeFailure = new AtomicInteger();

        FailingValidator(UnitRegistry registry, long maxFileBytes) {
            super(registry, maxFileBytes);
        }

        void failFor(String fileName, Supplier<RuntimeException> error) {
            this.error = error;
            this.failFor = fileName;
        }

        void heal() {
            this.failFor = null;
        }

        @Override
        public Submission validate(Path file, String fileName, YearMonth currentMonth, RowSink sink) {
            if (!fileName.equals(failFor)) {
                return super.validate(file, fileName, currentMonth, sink);
            }
            AtomicInteger rows = new AtomicInteger();
            super.validate(file, fileName, currentMonth, row -> {
                rows.incrementAndGet();
                sink.accept(row);
            });
            rowsBeforeFailure.set(rows.get());
            throw error.get();
        }
    }

    @TestConfiguration
    static class Failing {

        @Bean
        @Primary
        FailingValidator failingValidator(UnitRegistry registry, PipelineProperties properties) {
            return new FailingValidator(registry, properties.maxFileBytes());
        }

        @Bean
        @Primary
        FailingReceiptWriter failingReceiptWriter(PipelineProperties properties, UnitRegistry registry,
                                                  SubmissionStore store, JsonFiles json, Clock clock,
                                                  RenderThreads renderers) {
            return new FailingReceiptWriter(properties, registry, store, json, clock, renderers);
        }
    }

    @Autowired
    NightlyRun nightlyRun;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FailingValidator validator;

    @Autowired
    FailingReceiptWriter receiptWriter;

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void clean() throws IOException {
        validator.heal();
        receiptWriter.heal();
        Installation.emptyDatabase(jdbc);
        FileSystemUtils.deleteRecursively(root.resolve("output"));
        FileSystemUtils.deleteRecursively(root.resolve("data/quarantine"));
        FileSystemUtils.deleteRecursively(root.resolve("data/intake"));
        FileSystemUtils.deleteRecursively(root.resolve("input"));
        Installation.input(root);
    }

    /** Three files taken in this order (oldest first); the middle one has many rows. */
    private byte[] dropThree() throws IOException {
        drop(TestWorkbook.valid(), FIRST, TestWorkbook.Format.XLSX, 300);
        TestWorkbook many = TestWorkbook.valid().cover("填报单位", "儒林镇");
        for (int i = 0; i < MANY_ROWS; i++) {
            many.quality(Map.of("企业名称", "常州第" + i + "机械有限公司",
                    "统一社会信用代码", Uscc.complete("913204823" + String.format("%08d", i)),
                    "所属产业", "其他", "重点企业", "否", "首席质量官", "否", "国家标准", 1));
        }
        Path poisoned = drop(many, POISONED, TestWorkbook.Format.SXSSF, 200);
        drop(TestWorkbook.valid().cover("填报单位", "金城镇"), LAST, TestWorkbook.Format.XLS, 100);
        return Files.readAllBytes(poisoned);
    }

    private static Path drop(TestWorkbook workbook, String name, TestWorkbook.Format format, int secondsAgo) throws IOException {
        Path file = workbook.write(root.resolve("input").resolve(name), format);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(secondsAgo)));
        return file;
    }

    @Test
    void anUnexpectedErrorOnOneFileQuarantinesItAndTheOthersCount() throws Exception {
        byte[] poisonedBytes = dropThree();
        String sha = sha256(poisonedBytes);
        validator.failFor(POISONED, () -> new IllegalStateException("bug hit by this file (test)"));

        JobExecution execution = nightlyRun.run();

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(nightlyRun.exitStatus(execution)).isEqualTo(NightlyRun.EXIT_QUARANTINED).isEqualTo(1);
        // the failure came after whole batches of its rows had gone to the database
        assertThat(validator.rowsBeforeFailure.get()).isGreaterThan(2_000);

        // the two others: accepted, counted, receipts written, taken out of input/
        Path receipts = root.resolve("output/receipts/2020-11");
        assertThat(status(receipts.resolve("zhixi-2020-11-v1.json"))).isEqualTo("accepted");
        assertThat(status(receipts.resolve("jincheng-2020-11-v1.json"))).isEqualTo("accepted");
        JsonNode figures = json.readTree(root.resolve("output/briefings/2020-11/figures-2020-11.json").toFile());
        assertThat(figures.get("district").get("financing_amount").decimalValue()).isEqualByComparingTo("3001.00");
        assertThat(figures.get("district").get("enterprises_reported").asInt()).isEqualTo(2);
        assertThat(figures.get("submissions")).hasSize(2);
        assertThat(unit(figures, "rulin").get("status").asString()).isEqualTo("missing");
        assertThat(listing(root.resolve("input"))).isEmpty();

        // nothing of the poisoned file in the database but its ledger line
        long kept = jdbc.sql("SELECT id FROM submission WHERE sha256 = ?").param(sha).query(Long.class).single();
        assertThat(jdbc.sql("SELECT status FROM submission WHERE id = ?").param(kept).query(String.class).single())
                .isEqualTo("QUARANTINED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM quality_row").query(Integer.class).single()).isEqualTo(4);
        for (String table : List.of("quality_row", "financing_row", "fee_row", "submission_issue", "submission_tally",
                "submission_industry")) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE submission_id = ?").param(kept)
                    .query(Integer.class).single()).as(table).isZero();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM submission").query(Integer.class).single()).isEqualTo(3);

        // the file is kept, byte for byte, named by its content; its own name beside it
        Path quarantined = root.resolve("data/quarantine").resolve(sha.substring(0, 16)).resolve(sha + ".xlsx");
        assertThat(quarantined).isRegularFile();
        assertThat(quarantined.resolveSibling("name.txt")).hasContent(POISONED);
        assertThat(Files.readAllBytes(quarantined)).isEqualTo(poisonedBytes);

        // the staff's receipt: what happened in plain Chinese, no technical detail
        Path receiptJson = root.resolve("output/receipts/unknown").resolve(sha.substring(0, 16) + "-quarantined" + kept + ".json");
        JsonNode receipt = json.readTree(receiptJson.toFile());
        assertThat(receipt.get("status").asString()).isEqualTo("quarantined");
        assertThat(receipt.get("file").asString()).isEqualTo(POISONED);
        assertThat(receipt.get("message").asString()).contains("内部错误", "未能完成审核", "原文件已妥善保存", "金坛区市场监督管理局");
        assertThat(receipt.get("issues")).isEmpty();
        assertThat(Files.readString(receiptJson)).doesNotContain("Exception", "bug hit", "at cn.jintan");
        String pdf = pdfText(receiptJson.resolveSibling(sha.substring(0, 16) + "-quarantined" + kept + ".pdf"));
        assertThat(pdf).contains("未能处理", POISONED, "原文件已妥善保存", "金坛区市场监督管理局", "无需修改", "另发回执")
                .doesNotContain("Exception", "bug hit", "未发现问题");

        // the operator's run summary: which file, where it is, what went wrong
        JsonNode summary = summary(execution);
        assertThat(summary.get("status").asString()).isEqualTo("completed");
        assertThat(summary.get("exit_status").asInt()).isEqualTo(1);
        assertThat(summary.get("files").get("seen").asInt()).isEqualTo(3);
        assertThat(summary.get("files").get("accepted").asInt()).isEqualTo(2);
        assertThat(summary.get("files").get("quarantined").asInt()).isEqualTo(1);
        assertThat(summary.get("periods_rendered").toString()).contains("2020-11");
        JsonNode entry = summary.get("quarantined").get(0);
        assertThat(summary.get("quarantined")).hasSize(1);
        assertThat(entry.get("file").asString()).isEqualTo(POISONED);
        assertThat(entry.get("sha256").asString()).isEqualTo(sha);
        assertThat(Path.of(entry.get("kept_at").asString())).isEqualTo(quarantined.toAbsolutePath().normalize());
        assertThat(Path.of(entry.get("receipt").asString())).isEqualTo(receiptJson.toAbsolutePath().normalize());
        assertThat(Path.of(entry.get("archived_at").asString())).isRegularFile();
        assertThat(entry.get("error").get("class").asString()).isEqualTo("java.lang.IllegalStateException");
        assertThat(entry.get("error").get("message").asString()).isEqualTo("bug hit by this file (test)");

        // the next run does not take it again (the bug is still there)
        JobExecution next = nightlyRun.run();
        assertThat(nightlyRun.exitStatus(next)).isEqualTo(NightlyRun.EXIT_COMPLETED);
        assertThat(summary(next).get("files").get("seen").asInt()).isZero();
        assertThat(summary(next).get("quarantined")).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM submission").query(Integer.class).single()).isEqualTo(3);

        // once fixed, the operator moves it back into input/: checked afresh, not a duplicate of the quarantined one
        validator.heal();
        Installation.settle(Files.move(quarantined, root.resolve("input").resolve(POISONED)));
        JobExecution fixed = nightlyRun.run();
        assertThat(nightlyRun.exitStatus(fixed)).isEqualTo(NightlyRun.EXIT_COMPLETED);
        assertThat(status(receipts.resolve("rulin-2020-11-v1.json"))).isEqualTo("accepted");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM quality_row").query(Integer.class).single()).isEqualTo(4 + 2 + MANY_ROWS);
    }

    @Test
    void aDatabaseFailureFailsTheRunAndQuarantinesNothing() throws Exception {
        dropThree();
        validator.failFor(POISONED, () -> new CannotGetJdbcConnectionException("connection refused (test)"));

        JobExecution failed = nightlyRun.run();

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(nightlyRun.exitStatus(failed)).isEqualTo(NightlyRun.EXIT_FAILED);
        // the files of the other units (other partitions) are stored; the one it failed on waits in data/intake/
        assertThat(status(root.resolve("output/receipts/2020-11/zhixi-2020-11-v1.json"))).isEqualTo("accepted");
        assertThat(status(root.resolve("output/receipts/2020-11/jincheng-2020-11-v1.json"))).isEqualTo("accepted");
        assertThat(listing(root.resolve("input"))).isEmpty();
        try (Stream<Path> taken = Files.walk(root.resolve("data/intake"))) {
            assertThat(taken.filter(Files::isRegularFile).map(p -> p.getFileName().toString())).containsExactly(POISONED);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM submission").query(Integer.class).single()).isEqualTo(2);
        assertThat(root.resolve("data/quarantine")).doesNotExist();
        JsonNode summary = summary(failed);
        assertThat(summary.get("status").asString()).isEqualTo("failed");
        assertThat(summary.get("exit_status").asInt()).isEqualTo(1);
        assertThat(summary.get("quarantined")).isEmpty();
        assertThat(summary.get("failures").toString()).contains("CannotGetJdbcConnectionException");

        // the database is back: the next run continues this one and takes it
        validator.heal();
        JobExecution continued = nightlyRun.run();
        assertThat(NightlyRun.runId(continued)).isEqualTo(NightlyRun.runId(failed));
        assertThat(nightlyRun.exitStatus(continued)).isEqualTo(NightlyRun.EXIT_COMPLETED);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM submission WHERE status = 'ACCEPTED'").query(Integer.class).single())
                .isEqualTo(3);
        assertThat(listing(root.resolve("input"))).isEmpty();
    }

    @Test
    void aBugWhileRenderingItsReceiptRollsBackAFileAlreadyStored() throws Exception {
        Path file = drop(TestWorkbook.valid().cover("填报单位", "薛埠镇"), "薛埠镇-2020-11.xlsx", TestWorkbook.Format.XLSX, 100);
        String sha = sha256(Files.readAllBytes(file));
        receiptWriter.failFor("薛埠镇-2020-11.xlsx");

        JobExecution execution = nightlyRun.run();

        assertThat(nightlyRun.exitStatus(execution)).isEqualTo(NightlyRun.EXIT_QUARANTINED);
        // accepted, its rows and tallies stored, then the receipt failed: all of it rolled back
        assertThat(jdbc.sql("SELECT status FROM submission").query(String.class).list()).containsExactly("QUARANTINED");
        for (String table : List.of("quality_row", "financing_row", "fee_row", "submission_issue", "submission_tally")) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single()).as(table).isZero();
        }
        assertThat(root.resolve("output/receipts/2020-11/xuebu-2020-11-v1.json")).doesNotExist();
        assertThat(root.resolve("data/quarantine").resolve(sha.substring(0, 16)).resolve(sha + ".xlsx")).isRegularFile();
        JsonNode entry = summary(execution).get("quarantined").get(0);
        assertThat(entry.get("error").get("class").asString()).isEqualTo("java.lang.IllegalArgumentException");
        assertThat(entry.get("receipt").isNull()).isFalse();
    }

    @Test
    void exitStatusOfEachOutcome() {
        assertThat(NightlyRun.exitStatus(BatchStatus.COMPLETED, 0)).isEqualTo(0);
        assertThat(NightlyRun.exitStatus(BatchStatus.COMPLETED, 2)).isEqualTo(1);
        // a failed or stopped run is continued next time: that matters more than what it quarantined so far
        assertThat(NightlyRun.exitStatus(BatchStatus.FAILED, 2)).isEqualTo(1);
        assertThat(NightlyRun.exitStatus(BatchStatus.STOPPED, 0)).isEqualTo(1);
        assertThat(cn.jintan.quality.cli.Main.QUARANTINED).isEqualTo(NightlyRun.EXIT_QUARANTINED);
    }

    @Autowired
    Archive archive;

    @Autowired
    SubmissionStore store;

    @Autowired
    Quarantine quarantine;

    @Autowired
    Clock clock;

    @Autowired
    RecordSubmissions record;

    /**
     * Killed after the quarantine committed but before the file left input/: the run, continued
     * under its own id, finishes putting it aside and does not try it (or record it) again.
     */
    @Test
    void aContinuedRunFinishesPuttingAsideWhatItQuarantined() throws Exception {
        byte[] bytes = dropThree();
        String sha = sha256(bytes);
        validator.failFor(POISONED, () -> new IllegalStateException("bug hit by this file (test)"));
        JobExecution execution = nightlyRun.run();
        Path quarantined = root.resolve("data/quarantine").resolve(sha.substring(0, 16)).resolve(sha + ".xlsx");
        Files.delete(quarantined);
        // killed before the taken file was let go: it is still in data/intake/
        Path again = Installation.settle(Files.write(
                Files.createDirectories(root.resolve("data/intake/0000000000001-000001")).resolve(POISONED), bytes));

        // what the continued run's intake does with the file: same run id, same name and bytes
        ReceivedFile file = new CheckFile(archive, store, quarantine, clock, NightlyRun.runId(execution)).process(again);
        assertThat(file.leftover()).isTrue();
        record.write(new Chunk<>(file));

        assertThat(quarantined).isRegularFile();
        assertThat(listing(root.resolve("input"))).isEmpty();
        assertThat(again).doesNotExist();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM submission WHERE sha256 = ?").param(sha).query(Integer.class).single())
                .isEqualTo(1);
    }

    private String status(Path receipt) {
        return json.readTree(receipt.toFile()).get("status").asString();
    }

    private JsonNode summary(JobExecution execution) {
        return json.readTree(root.resolve("output/runs/" + NightlyRun.runId(execution) + ".json").toFile());
    }

    private static JsonNode unit(JsonNode figures, String code) {
        for (JsonNode unit : figures.get("units")) {
            if (unit.get("code").asString().equals(code)) {
                return unit;
            }
        }
        throw new AssertionError("no unit " + code);
    }

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String pdfText(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        }
    }
}
