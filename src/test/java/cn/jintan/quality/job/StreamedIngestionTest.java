package cn.jintan.quality.job;

import cn.jintan.quality.domain.Uscc;
import cn.jintan.quality.testing.InstallationRoot;
import cn.jintan.quality.testing.PipelineTest;
import cn.jintan.quality.testing.TestWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;

import static cn.jintan.quality.domain.SubmissionSheet.QUALITY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows stream to the database in batches while the file is read: an accepted file of many
 * batches stores exactly its rows, a rejected one whose error comes after several batches none.
 */
@PipelineTest
class StreamedIngestionTest {

    private static final int ROWS = 20_000;
    // more than two batches (BatchedRows.BATCH) before the bad row
    private static final int REJECTED_ROWS = 6_000;

    @InstallationRoot
    static Path root;

    @Autowired
    NightlyRun nightlyRun;

    @Autowired
    JdbcClient jdbc;

    @Test
    void storesEveryRowOfAnAcceptedFileAndNoneOfARejectedOne() throws Exception {
        Files.createDirectories(root.resolve("input"));
        drop(large("913204820", ROWS), "直溪镇-2020-11.xlsx");
        // the last row breaks a rule: by then several batches have gone to the database
        drop(large("913204821", REJECTED_ROWS).set(QUALITY, REJECTED_ROWS + 1, "统一社会信用代码", "913204821BADCODE00")
                .cover("填报单位", "金城镇"), "金城镇-2020-11.xlsx");

        assertThat(nightlyRun.run().getStatus()).isEqualTo(BatchStatus.COMPLETED);

        long accepted = id("zhixi", "ACCEPTED");
        long rejected = id("jincheng", "REJECTED");
        // the two rows every TestWorkbook has, then ours
        assertThat(count(accepted)).isEqualTo(ROWS + 2);
        assertThat(jdbc.sql("SELECT rows_quality FROM submission WHERE id = ?").param(accepted).query(Integer.class).single())
                .isEqualTo(ROWS + 2);
        long expectedSum = 2 + 0; // 国家标准 of the two default rows: 2 and blank
        for (int i = 0; i < ROWS; i++) {
            expectedSum += i % 7;
        }
        assertThat(jdbc.sql("SELECT SUM(std_national) FROM quality_row WHERE submission_id = ?").param(accepted)
                .query(Long.class).single()).isEqualTo(expectedSum);
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT uscc) FROM quality_row WHERE submission_id = ?").param(accepted)
                .query(Integer.class).single()).isEqualTo(ROWS + 2);
        assertThat(count(rejected)).isZero();
    }

    private long id(String unit, String status) {
        return jdbc.sql("SELECT id FROM submission WHERE unit_code = ? AND status = ?").params(unit, status)
                .query(Long.class).single();
    }

    private long count(long submission) {
        return jdbc.sql("SELECT COUNT(*) FROM quality_row WHERE submission_id = ?").param(submission).query(Long.class).single();
    }

    private static TestWorkbook large(String prefix, int rows) {
        TestWorkbook workbook = TestWorkbook.valid();
        for (int i = 0; i < rows; i++) {
            workbook.quality(Map.of("企业名称", "常州第" + i + "机械有限公司",
                    "统一社会信用代码", Uscc.complete(prefix + String.format("%08d", i)),
                    "所属产业", "其他", "重点企业", "否", "首席质量官", "否", "国家标准", i % 7));
        }
        return workbook;
    }

    private static void drop(TestWorkbook workbook, String name) throws Exception {
        Path file = workbook.write(root.resolve("input").resolve(name), TestWorkbook.Format.SXSSF);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
    }
}
