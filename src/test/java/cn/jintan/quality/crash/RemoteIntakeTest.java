package cn.jintan.quality.crash;

import cn.jintan.quality.cli.Main;
import cn.jintan.quality.config.JobsFiles;
import cn.jintan.quality.domain.Period;
import cn.jintan.quality.samples.SampleWorkbooks;
import cn.jintan.quality.testing.ChildJvm;
import cn.jintan.quality.testing.EmbeddedPostgresql;
import cn.jintan.quality.testing.Installation;
import cn.jintan.quality.testing.RunOutputs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Remote intake for real: a manager ({@code run}, {@code intake.mode = remote}) and two
 * {@code worker} JVMs on an embedded PostgreSQL, over two months of samples, give the figures and
 * receipts of a single-thread run; a worker killed with SIGKILL in the middle of a partition makes
 * the run fail (its watchdog notices) instead of hanging, and the next run finishes the job with the
 * same figures, every file stored once.
 */
@Tag("crash") // starts JVMs (and needs no -Ppostgres: it starts the embedded server itself)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemoteIntakeTest {

    private static final List<String> PERIODS = List.of("2020-10", "2020-11");

    @TempDir
    static Path dir;

    private final JsonMapper json = JsonMapper.builder().build();
    private final List<Process> processes = new ArrayList<>();
    private Path reference;

    @BeforeAll
    void singleThreadReference() throws IOException {
        reference = installation("reference");
        System.setProperty("qb.intake-workers", "1");
        try {
            assertThat(Main.execute("run", "--input", reference.resolve("input").toString(), "--output",
                    reference.resolve("output").toString(), "--data", reference.resolve("data").toString(),
                    "--jobs", Installation.repositoryJobs().toString())).isZero();
        } finally {
            System.clearProperty("qb.intake-workers");
        }
    }

    @AfterEach
    void stopTheJvms() throws InterruptedException {
        for (Process p : processes) {
            p.destroyForcibly();
            p.waitFor(20, TimeUnit.SECONDS);
        }
        processes.clear();
    }

    @Test
    void aManagerAndTwoWorkersGiveTheFiguresOfASingleThreadRun() throws Exception {
        Path home = installation("remote");
        String database = EmbeddedPostgresql.newDatabase();
        Process first = worker(home, database, "worker-1", "0s");
        Process second = worker(home, database, "worker-2", "0s");
        awaitLog(home.resolve("worker-1.log"), "Intake worker", first);
        awaitLog(home.resolve("worker-2.log"), "Intake worker", second);

        Process run = start(home, database, "run.log", "0s", "run", "--input", home.resolve("input").toString());
        assertThat(run.waitFor(120, TimeUnit.SECONDS)).as(() -> logs(home)).isTrue();
        assertThat(run.exitValue()).as(() -> logs(home)).isZero();

        assertSameOutcome(home);
        // both workers did partitions; the manager none (it has no worker side)
        assertThat(log(home, "worker-1.log")).contains("started by worker");
        assertThat(log(home, "worker-2.log")).contains("started by worker");
        assertThat(log(home, "run.log")).doesNotContain("started by worker");
        assertThat(query(database, "SELECT COUNT(*) FROM batch_step_execution WHERE step_name LIKE 'intakeFiles:%' "
                + "AND status = 'COMPLETED'")).containsExactly("13");

        // stopped as an operator stops them (SIGTERM, as Ctrl-C): each says so, and logs no error
        for (Process worker : List.of(first, second)) {
            worker.destroy();
            assertThat(worker.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        for (String worker : List.of("worker-1.log", "worker-2.log")) {
            assertThat(log(home, worker)).contains("stopped.").doesNotContain(" ERROR ");
        }
    }

    @Test
    void aWorkerKilledMidPartitionFailsTheRunAndTheNextRunFinishesItWithoutCountingAFileTwice() throws Exception {
        Path home = installation("killed");
        String database = EmbeddedPostgresql.newDatabase();
        // slow files: the victim is surely in the middle of a partition (two files each) when killed
        Process victim = worker(home, database, "victim", "1500ms");
        Process survivor = worker(home, database, "survivor", "0s");
        awaitLog(home.resolve("victim.log"), "Intake worker", victim);
        awaitLog(home.resolve("survivor.log"), "Intake worker", survivor);
        Process run = start(home, database, "run.log", "0s", "run", "--input", home.resolve("input").toString());
        awaitLog(home.resolve("victim.log"), "started by worker", victim);
        Thread.sleep(2000); // into its first file, or between its two
        victim.destroyForcibly(); // SIGKILL: no shutdown hook, its heartbeat simply stops
        victim.waitFor(20, TimeUnit.SECONDS);

        // the survivor does every other partition; the manager gives up on the victim's and fails the run
        assertThat(run.waitFor(120, TimeUnit.SECONDS)).as(() -> logs(home)).isTrue();
        assertThat(run.exitValue()).isEqualTo(Main.FAILED);
        assertThat(log(home, "run.log")).contains("taken for dead");
        assertThat(count(home.resolve("data/intake"))).as("files of the victim's partition left to do").isPositive();
        JsonNode failed = runSummary(home);
        assertThat(failed.get("status").asString()).isEqualTo("failed");
        assertThat(failed.get("failures").toString()).contains("was running on worker", "taken for dead");

        Process again = start(home, database, "again.log", "0s", "run", "--input", home.resolve("input").toString());
        assertThat(again.waitFor(120, TimeUnit.SECONDS)).as(() -> logs(home)).isTrue();
        assertThat(again.exitValue()).as(() -> logs(home)).isZero();
        assertThat(log(home, "again.log")).contains("did not finish");

        assertSameOutcome(home);
        // each file once in the ledger, accepted: none stored twice, nothing superseded by itself
        assertThat(query(database, "SELECT COUNT(*) FROM submission")).containsExactly("26");
        assertThat(query(database, "SELECT COUNT(DISTINCT sha256) FROM submission WHERE status = 'ACCEPTED'"))
                .containsExactly("26");
        assertThat(count(home.resolve("data/intake"))).isZero();
    }

    private void assertSameOutcome(Path home) throws IOException {
        for (String period : PERIODS) {
            JsonNode expected = RunOutputs.figures(reference, period);
            JsonNode actual = RunOutputs.figures(home, period);
            assertThat(actual).as(period).isEqualTo(expected);
        }
        assertThat(RunOutputs.receipts(home)).isEqualTo(RunOutputs.receipts(reference)).hasSize(26);
        assertThat(count(home.resolve("input"))).isZero();
    }

    private static Path installation(String name) throws IOException {
        Path home = Files.createDirectories(dir.resolve(name));
        for (Path sample : SampleWorkbooks.write(home.resolve("input"), JobsFiles.units(Path.of("jobs")),
                Period.of(2020, 10), Period.of(2020, 11))) {
            Installation.settle(sample);
        }
        return home;
    }

    private Process worker(Path home, String database, String name, String pause) throws IOException {
        return start(home, database, name + ".log", pause, "worker");
    }

    /** A JVM of the program on the installation's folders and the shared database, remote intake on. */
    private Process start(Path home, String database, String logName, String pause, String... command) throws IOException {
        // its own temporary folder: a JVM killed with SIGKILL leaves its temporary font copies (9 MB each) behind
        List<String> line = ChildJvm.program("-Xmx384m", "-Dqb.pause-per-file=" + pause,
                "-Djava.io.tmpdir=" + Files.createDirectories(home.resolve("tmp")));
        line.addAll(List.of(command));
        line.addAll(List.of("--output", home.resolve("output").toString(), "--data", home.resolve("data").toString(),
                "--jobs", Installation.repositoryJobs().toString()));
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve(logName).toFile()));
        Map<String, String> env = builder.environment();
        env.put("SPRING_DATASOURCE_URL", database);
        env.put("SPRING_DATASOURCE_USERNAME", EmbeddedPostgresql.USER);
        env.put("QB_INTAKE_MODE", "remote");
        env.put("QB_INTAKE_WORKERS", "1");
        env.put("QB_INTAKE_WORKER_TIMEOUT", "5s");
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private static void awaitLog(Path log, String text, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            assertThat(process.isAlive()).as(() -> log + ": " + readQuietly(log)).isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError(log + " never said " + text + ": " + readQuietly(log));
    }

    private static List<String> query(String database, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(database, EmbeddedPostgresql.USER, "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }


    /** The run summary of the first run (the one the later run continued under the same id). */
    private JsonNode runSummary(Path home) throws IOException {
        try (Stream<Path> runs = Files.list(home.resolve("output/runs"))) {
            return json.readTree(runs.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow().toFile());
        }
    }


    /** Every log of the installation's JVMs, for a failure's message. */
    private static String logs(Path home) {
        try (Stream<Path> files = Files.list(home)) {
            return files.filter(f -> f.toString().endsWith(".log")).sorted()
                    .map(f -> "==== " + f.getFileName() + "\n" + readQuietly(f)).reduce("", String::concat);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static String log(Path home, String name) {
        return readQuietly(home.resolve(name));
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static long count(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
