package cn.jintan.quality.job;

import cn.jintan.quality.domain.SubmissionSheet;
import cn.jintan.quality.testing.Installation;
import cn.jintan.quality.testing.InstallationRoot;
import cn.jintan.quality.testing.PipelineTest;
import cn.jintan.quality.testing.TestWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A daytime intake pass stopped half-way (SIGTERM) is finished by the next nightly run before that
 * run starts under its own id, and the nightly run still renders the period the pass changed.
 */
@PipelineTest(properties = {"qb.pause-per-file=1500ms", "qb.intake-workers=1"}) // one file at a time: stopped after the first
class UnfinishedPassTest {

    @InstallationRoot
    static Path root;

    @Autowired
    NightlyRun nightlyRun;

    @Autowired
    JdbcClient jdbc;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aStoppedPassIsFinishedFirstAndTheNightlyRunStillRendersWhatItChanged() throws Exception {
        Installation.drop(root, TestWorkbook.valid().cover("统计期", "2020-10")
                .set(SubmissionSheet.FINANCING, 0, "登记日期", LocalDate.of(2020, 10, 5))
                .set(SubmissionSheet.FINANCING, 1, "登记日期", LocalDate.of(2020, 10, 20)), "直溪镇-2020-10.xlsx");
        Installation.drop(root, TestWorkbook.valid().cover("填报单位", "金城镇"), "金城镇-2020-11.xlsx");
        Installation.drop(root, TestWorkbook.valid().cover("填报单位", "儒林镇"), "儒林镇-2020-11.xlsx");

        CompletableFuture<Optional<JobExecution>> pass = CompletableFuture.supplyAsync(() -> {
            try {
                return nightlyRun.intakePass();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (jdbc.sql("SELECT COUNT(*) FROM submission").query(Integer.class).single() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        nightlyRun.stopRunning(); // SIGTERM: stop at the next file boundary
        JobExecution stopped = pass.get(60, TimeUnit.SECONDS).orElseThrow();
        assertThat(stopped.getStatus()).isEqualTo(BatchStatus.STOPPED);
        assertThat(NightlyRun.intake(stopped)).isTrue();
        try (var taken = Files.walk(root.resolve("data/intake"))) {
            assertThat(taken.filter(Files::isRegularFile).count()).isPositive(); // files taken and left for the continued pass
        }
        String passId = NightlyRun.runId(stopped);

        JobExecution night = nightlyRun.run();

        assertThat(night.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(NightlyRun.intake(night)).isFalse();
        assertThat(NightlyRun.runId(night)).isNotEqualTo(passId);
        // the pass, continued under its own id, took every file; the nightly run took none
        assertThat(jdbc.sql("SELECT DISTINCT run_id FROM submission").query(String.class).list()).containsExactly(passId);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM submission WHERE status = 'ACCEPTED'").query(Integer.class).single()).isEqualTo(3);
        JsonNode passSummary = json.readTree(root.resolve("output/runs/" + passId + ".json").toFile());
        assertThat(passSummary.get("kind").asString()).isEqualTo("intake");
        assertThat(passSummary.get("status").asString()).isEqualTo("completed");
        JsonNode nightSummary = json.readTree(root.resolve("output/runs/" + NightlyRun.runId(night) + ".json").toFile());
        assertThat(nightSummary.get("periods_rendered")).extracting(JsonNode::asString).containsExactly("2020-10", "2020-11");
        assertThat(root.resolve("output/briefings/2020-10/briefing-2020-10.pdf")).isRegularFile();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM pending_period").query(Integer.class).single()).isZero();
    }
}
