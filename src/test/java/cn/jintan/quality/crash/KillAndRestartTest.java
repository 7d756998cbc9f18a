package cn.jintan.quality.crash;

import cn.jintan.quality.config.JobsFiles;
import cn.jintan.quality.testing.ChildJvm;
import cn.jintan.quality.testing.Installation;
import cn.jintan.quality.testing.Ledger;
import cn.jintan.quality.domain.Period;
import cn.jintan.quality.domain.UnitRegistry;
import cn.jintan.quality.samples.SampleWorkbooks;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real program in child JVMs: killed with SIGKILL at several points of a run, started again
 * until it completes, it ends with exactly the figures and receipts of an uninterrupted run; its
 * database lost then, {@code rebuild} gives back the same ledger, ids included.
 */
@Tag("crash") // starts JVMs: run by ./mvnw test (CI), left out by ./mvnw test -Pquick
class KillAndRestartTest {

    private static final List<String> PERIODS = List.of("2020-10", "2020-11");

    @TempDir
    Path dir;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aRunKilledAtAnyMomentEndsWithTheFiguresOfAnUninterruptedRun() throws Exception {
        Path clean = installation("clean");
        assertThat(run(clean).waitFor(120, TimeUnit.SECONDS)).isTrue();

        Path killed = installation("killed");
        int total = count(killed.resolve("input"));
        // kill during start-up, then as the 1st and 8th files are taken (checked or stored, not yet let go), then while rendering
        killWhen(killed, () -> true, Duration.ofMillis(2000));
        killWhen(killed, () -> count(killed.resolve("input")) <= total - 1, Duration.ZERO);
        killWhen(killed, () -> count(killed.resolve("input")) <= total - 8, Duration.ofMillis(50));
        killWhen(killed, () -> count(killed.resolve("input")) == 0 && count(killed.resolve("data/intake")) == 0,
                Duration.ofMillis(300)); // every file taken and let go: rendering
        Process last = run(killed);
        assertThat(last.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(last.exitValue()).as(() -> log(killed)).isZero();

        for (String period : PERIODS) {
            JsonNode expected = figures(clean, period);
            JsonNode actual = figures(killed, period);
            assertThat(actual.get("district")).as(period).isEqualTo(expected.get("district"));
            assertThat(actual.get("units")).as(period).isEqualTo(expected.get("units"));
            assertThat(actual.get("submissions")).as(period).isEqualTo(expected.get("submissions"));
        }
        assertThat(receipts(killed)).isEqualTo(receipts(clean)).hasSize(total);
        assertThat(count(killed.resolve("input"))).isZero();
        // nothing left half-way between input/ and the archive: every file taken was let go
        assertThat(count(killed.resolve("data/intake"))).isZero();

        // the database lost after all those kills: rebuild gives back every ledger line, ids included
        Map<String, String> ledger = Ledger.of(killed.resolve("data/db/quality"));
        Files.move(killed.resolve("data/db"), killed.resolve("data/db-lost"));
        // in this JVM: no kill here, and no second JVM start to pay for
        assertThat(cn.jintan.quality.cli.Main.execute("rebuild", "--input", killed.resolve("input").toString(),
                "--output", killed.resolve("output").toString(), "--data", killed.resolve("data").toString(),
                "--jobs", Path.of("jobs").toAbsolutePath().toString())).isZero();
        assertThat(Ledger.of(killed.resolve("data/db/quality"))).isEqualTo(ledger).hasSize(total);
        assertThat(receipts(killed)).isEqualTo(receipts(clean));
    }

    /** Starts a run, waits for {@code condition}, lets {@code after} pass, then SIGKILLs it. */
    private void killWhen(Path home, Check condition, Duration after) throws Exception {
        Process process = run(home);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.holds() && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(after.toMillis());
        process.destroyForcibly(); // SIGKILL on Unix: no shutdown hook runs
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws IOException;
    }

    private Path installation(String name) throws IOException {
        Path home = Files.createDirectories(dir.resolve(name));
        // two periods are enough, and keep the test short
        for (Path sample : SampleWorkbooks.write(home.resolve("input"), JobsFiles.units(Path.of("jobs")),
                Period.of(2020, 10), Period.of(2020, 11))) {
            Installation.settle(sample);
        }
        return home;
    }

    private Process run(Path home) throws IOException {
        // its own temporary folder: a JVM killed with SIGKILL leaves its temporary font copies (9 MB each) behind
        List<String> command = ChildJvm.program("-Xmx512m", "-Dqb.pause-per-file=120ms",
                "-Djava.io.tmpdir=" + Files.createDirectories(home.resolve("tmp")));
        command.addAll(List.of("run",
                "--input", home.resolve("input").toString(), "--output", home.resolve("output").toString(),
                "--data", home.resolve("data").toString(), "--jobs", Path.of("jobs").toAbsolutePath().toString()));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("runs.log").toFile())).start();
    }

    private JsonNode figures(Path home, String period) {
        return json.readTree(home.resolve("output/briefings/" + period + "/figures-" + period + ".json").toFile());
    }

    /** Every receipt, keyed by file name, without the receipt time. */
    private List<String> receipts(Path home) throws IOException {
        try (Stream<Path> files = Files.walk(home.resolve("output/receipts"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().map(f -> {
                var node = (tools.jackson.databind.node.ObjectNode) json.readTree(f.toFile());
                node.remove("received_at");
                return home.relativize(f) + " " + node;
            }).toList();
        }
    }

    private static String log(Path home) {
        try {
            return Files.readString(home.resolve("runs.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static int count(Path folder) throws IOException {
        File[] files = folder.toFile().listFiles();
        return files == null ? 0 : files.length;
    }
}
