package cn.jintan.quality.store;

import cn.jintan.quality.domain.Uscc;
import cn.jintan.quality.job.NightlyRun;
import cn.jintan.quality.recording.SubmissionRecorder;
import cn.jintan.quality.testing.Installation;
import cn.jintan.quality.testing.InstallationRoot;
import cn.jintan.quality.testing.PipelineTest;
import cn.jintan.quality.testing.TestWorkbook;
import cn.jintan.quality.validation.ParsedRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.stream.Stream;

import static cn.jintan.quality.domain.SubmissionSheet.QUALITY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Rows are written while the file is read: a database error in a batch, or a reader that breaks
 * after batches went out, must roll the whole file back and end the call, never hang it or turn
 * into a rejected file (an unexpected error in one file quarantines it, see QuarantineTest).
 */
@PipelineTest
class RowWriterFailureTest {

    private static final int ROWS = 3 * BatchedRows.BATCH;
    private static final Duration LIMIT = Duration.ofMinutes(2);

    @InstallationRoot
    static Path root;

    @Autowired
    NightlyRun nightlyRun;

    @Autowired
    SubmissionRecorder store;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void cleanDatabase() {
        Installation.emptyDatabase(jdbc);
        Installation.input(root);
    }

    @Test
    void aFailedBatchStoresNothingOfTheFileWhichIsQuarantinedAndTakenAgainOnceMovedBack() throws Exception {
        TestWorkbook workbook = TestWorkbook.valid();
        for (int i = 0; i < ROWS; i++) {
            workbook.quality(Map.of("企业名称", "常州第" + i + "机械有限公司",
                    "统一社会信用代码", Uscc.complete("913204820" + String.format("%08d", i)),
                    "所属产业", "其他", "重点企业", "否", "首席质量官", "否"));
        }
        Path file = Installation.drop(root, workbook, "直溪镇-2020-11.xlsx");
        // a rule H2 enforces and the validator does not know: the third batch fails in the database,
        // on the writer thread, after two batches went in
        jdbc.sql("ALTER TABLE quality_row ADD CONSTRAINT writer_fails CHECK (row_no <> " + (ROWS - 10) + ")").update();
        try {
            JobExecution run = assertTimeoutPreemptively(LIMIT, nightlyRun::run);
            // not the database's failure but this file's: the run completes, the file is put aside
            assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(nightlyRun.exitStatus(run)).isEqualTo(NightlyRun.EXIT_FAILED);
            assertThat(count("quality_row")).isZero();
            assertThat(jdbc.sql("SELECT status FROM submission").query(String.class).single()).isEqualTo("QUARANTINED");
            assertThat(file).doesNotExist();
        } finally {
            jdbc.sql("ALTER TABLE quality_row DROP CONSTRAINT IF EXISTS writer_fails").update();
        }

        Path kept;
        try (Stream<Path> files = Files.walk(root.resolve("data/quarantine"))) {
            kept = files.filter(p -> p.getFileName().toString().endsWith(".xlsx")).findFirst().orElseThrow();
        }
        // kept under its hash; its own name beside it
        assertThat(kept.resolveSibling("name.txt")).hasContent("直溪镇-2020-11.xlsx");
        Installation.settle(Files.move(kept, file));
        assertThat(assertTimeoutPreemptively(LIMIT, nightlyRun::run).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.sql("SELECT status FROM submission ORDER BY id").query(String.class).list())
                .containsExactly("QUARANTINED", "ACCEPTED");
        assertThat(count("quality_row")).isEqualTo(ROWS + 2);
    }

    @Test
    void aReaderThatBreaksAfterSeveralBatchesLeavesNothing() {
        Received received = new Received("直溪镇-2020-11.xlsx", "0".repeat(64), null, OffsetDateTime.now(), "test");
        assertThatThrownBy(() -> assertTimeoutPreemptively(LIMIT, () -> store.record(received, sink -> {
            for (int i = 0; i < ROWS; i++) {
                sink.accept(row(i));
            }
            throw new IllegalStateException("reader broke");
        }))).hasMessage("reader broke");
        assertThat(count("quality_row")).isZero();
        assertThat(count("submission")).isZero();
    }

    private static ParsedRow row(int i) {
        Object[] values = {"常州第" + i + "机械有限公司", Uscc.complete("913204820" + String.format("%08d", i)), "OTHER",
                false, false, 0, 0, 0, 0, 0, 0, 0, "NONE", "NONE", false, false, null};
        int[] columns = new int[values.length];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = c + 1;
        }
        return new ParsedRow(QUALITY, i + 4, values, columns);
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
