package cn.jintan.quality.job;

import cn.jintan.quality.PipelineProperties;
import cn.jintan.quality.domain.SubmissionSheet;
import cn.jintan.quality.store.Database;
import cn.jintan.quality.testing.Installation;
import cn.jintan.quality.testing.InstallationRoot;
import cn.jintan.quality.testing.MovableClock;
import cn.jintan.quality.testing.PipelineTest;
import cn.jintan.quality.testing.TestWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code schedule} over a day on an injected clock: files dropped at 10:03 get their receipts at
 * the 10:05 pass, before 10:10, while the briefings wait for the 02:00 nightly run, which renders
 * every period the daytime pass changed (not only the latest). Passes that find nothing leave no trace.
 */
@PipelineTest
@Import(MovableClock.Config.class)
class ScheduleTest {

    static final ZoneId SHANGHAI = MovableClock.SHANGHAI;

    @InstallationRoot
    static Path root;

    @Autowired
    MovableClock clock;

    @Autowired
    NightlyRun nightlyRun;

    @Autowired
    PipelineProperties properties;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Database database;

    private final JsonMapper json = JsonMapper.builder().build();

    private record Ran(Timetable.Kind kind, ZonedDateTime at, JobExecution execution) {
    }

    @Test
    void aFileDroppedAt1003GetsItsReceiptBefore1010AndTheBriefingWaitsForTheNight() throws Exception {
        Path receipts = root.resolve("output/receipts");
        Path november = root.resolve("output/briefings/2020-11/briefing-2020-11.pdf");
        Path october = root.resolve("output/briefings/2020-10/briefing-2020-10.pdf");
        clock.set(LocalDateTime.parse("2020-12-03T10:03"));
        drop(TestWorkbook.valid(), "直溪镇-2020-11.xlsx");
        drop(TestWorkbook.valid().cover("统计期", "2020-10")
                .set(SubmissionSheet.FINANCING, 0, "登记日期", LocalDate.of(2020, 10, 5))
                .set(SubmissionSheet.FINANCING, 1, "登记日期", LocalDate.of(2020, 10, 20)), "直溪镇-2020-10.xlsx");

        List<Ran> ran = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        ZonedDateTime end = LocalDateTime.parse("2020-12-04T03:00").atZone(SHANGHAI);
        new Schedule(Timetable.of(properties), clock, nightlyRun).run(time -> {
            if (time.isAfter(end)) {
                return false;
            }
            if (time.toLocalTime().equals(java.time.LocalTime.of(10, 10)) && time.getDayOfMonth() == 3) {
                // before 10:10: both receipts are there, no briefing yet
                assertThat(receipts.resolve("2020-11/zhixi-2020-11-v1.pdf")).isRegularFile();
                assertThat(receipts.resolve("2020-10/zhixi-2020-10-v1.pdf")).isRegularFile();
                assertThat(november).doesNotExist();
                assertThat(october).doesNotExist();
                assertThat(root.resolve("input")).isEmptyDirectory();
                checked.add("10:10");
            }
            clock.set(time.withZoneSameInstant(SHANGHAI).toLocalDateTime());
            return true;
        }, new Schedule.Listener() {
            @Override
            public void due(Timetable.Due due) {
            }

            @Override
            public void ran(Timetable.Kind kind, JobExecution execution) {
                ran.add(new Ran(kind, ZonedDateTime.now(clock), execution));
            }
        });

        assertThat(checked).containsExactly("10:10");
        // the 10:05 pass and the 02:00 run; the 140-odd passes that found input/ empty left nothing
        assertThat(ran).extracting(Ran::kind).containsExactly(Timetable.Kind.INTAKE, Timetable.Kind.NIGHTLY);
        assertThat(ran.get(0).at()).isEqualTo(LocalDateTime.parse("2020-12-03T10:05").atZone(SHANGHAI));
        assertThat(ran.get(1).at()).isEqualTo(LocalDateTime.parse("2020-12-04T02:00").atZone(SHANGHAI));
        assertThat(ran).allSatisfy(r -> assertThat(r.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED));
        try (Stream<Path> runs = Files.list(root.resolve("output/runs"))) {
            assertThat(runs.count()).isEqualTo(2);
        }

        JsonNode receipt = json.readTree(receipts.resolve("2020-10/zhixi-2020-10-v1.json").toFile());
        assertThat(receipt.get("status").asString()).isEqualTo("accepted");
        assertThat(receipt.get("received_at").asString()).startsWith("2020-12-03T10:05");

        JsonNode pass = summary(ran.get(0).execution());
        assertThat(pass.get("kind").asString()).isEqualTo("intake");
        assertThat(pass.get("files").get("accepted").asInt()).isEqualTo(2);
        assertThat(pass.get("periods_rendered")).isEmpty();

        // the night renders both periods the daytime pass changed, though it received nothing itself
        JsonNode night = summary(ran.get(1).execution());
        assertThat(night.get("kind").asString()).isEqualTo("nightly");
        assertThat(night.get("files").get("seen").asInt()).isZero();
        assertThat(night.get("periods_rendered")).extracting(JsonNode::asString).containsExactly("2020-10", "2020-11");
        assertThat(november).isRegularFile();
        assertThat(october).isRegularFile();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM pending_period").query(Integer.class).single()).isZero();
        if (database == Database.H2) {
            // only the nightly run backs the database up
            assertThat(root.resolve("data/backup")).isDirectoryContaining(p -> p.getFileName().toString().contains(NightlyRun.runId(ran.get(1).execution())));
        } else {
            assertThat(root.resolve("data/backup")).doesNotExist(); // a server's backups are its own tools' business
        }
    }

    private JsonNode summary(JobExecution execution) {
        return json.readTree(root.resolve("output/runs").resolve(NightlyRun.runId(execution) + ".json").toFile());
    }

    private void drop(TestWorkbook workbook, String name) throws IOException {
        Path file = workbook.write(Installation.input(root).resolve(name));
        Files.setLastModifiedTime(file, FileTime.from(clock.instant()));
    }
}
