package cn.jintan.quality.crash;

import cn.jintan.quality.config.JobsFiles;
import cn.jintan.quality.testing.ChildJvm;
import cn.jintan.quality.testing.Installation;
import cn.jintan.quality.domain.Period;
import cn.jintan.quality.domain.UnitRegistry;
import cn.jintan.quality.samples.SampleWorkbooks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The real program in child JVMs: schedule, a second process meanwhile, and SIGTERM. */
@Tag("crash") // starts JVMs: run by ./mvnw test (CI), left out by ./mvnw test -Pquick
class ScheduleAndStopTest {

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();

    /** A failed test leaves no program behind (a left {@code schedule} would run every 2 s until the machine stops). */
    @AfterEach
    void stopWhatIsLeft() {
        started.stream().filter(Process::isAlive).forEach(Process::destroyForcibly);
    }

    @Test
    void scheduleRunsAtItsTimeAndASecondProcessIsToldTheDatabaseIsInUse() throws Exception {
        Path home = installation();
        Process schedule = start(home, "schedule.log", List.of("-Dqb.schedule-cron=*/2 * * * * *"), "schedule");
        Path figures = home.resolve("output/briefings/2020-11/figures-2020-11.json");
        waitFor(() -> Files.exists(figures), schedule);
        assertThat(count(home.resolve("input"))).isZero();

        Process second = start(home, "second.log", List.of(), "run");
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).isEqualTo(1);
        assertThat(Files.readString(home.resolve("second.log"))).contains("数据库正被另一个运行中的程序使用");

        schedule.destroy(); // SIGTERM
        assertThat(schedule.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(home.resolve("schedule.log"))).contains("下次夜间运行", "定时运行已停止");
    }

    @Test
    void sigtermStopsARunAtAFileBoundaryAndTheNextRunFinishesIt() throws Exception {
        Path home = installation();
        int total = count(home.resolve("input"));
        Process run = start(home, "first.log", List.of("-Dqb.pause-per-file=300ms"), "run");
        waitFor(() -> pending(home) <= total - 2, run); // two files done (the intake takes them all at once)
        run.destroy(); // SIGTERM: the shutdown hook asks the job to stop and waits for it
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String first = Files.readString(home.resolve("first.log"));
        assertThat(first).contains("运行已按要求停止");
        int left = pending(home);
        assertThat(left).isPositive().isLessThan(total);

        Process next = start(home, "next.log", List.of(), "run");
        assertThat(next.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(home.resolve("next.log"));
        assertThat(next.exitValue()).as(log).isZero();
        assertThat(log).contains("continuing it where it stopped", "本次收到 " + total + " 个文件：通过 " + total + " 个");
        assertThat(Files.readString(home.resolve("output/briefings/2020-11/figures-2020-11.json")))
                .contains("\"cqo_enterprises\" : 75,", "\"missing_units\" : [ ]");
    }

    /** Files not done with: waiting in input/, or taken into data/intake/ and not let go. */
    private static int pending(Path home) {
        // counted again while files move from input/ to data/intake/ during the count: none missed
        while (true) {
            int waiting = count(home.resolve("input"));
            int taken = files(home.resolve("data/intake").toFile());
            if (count(home.resolve("input")) == waiting) {
                return waiting + taken;
            }
        }
    }

    /** The files under {@code folder}; one the run moves away meanwhile is simply not counted (no error). */
    private static int files(File folder) {
        File[] found = folder.listFiles();
        int n = 0;
        for (File f : found == null ? new File[0] : found) {
            n += f.isDirectory() ? files(f) : f.isFile() ? 1 : 0;
        }
        return n;
    }

    private Path installation() throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        Period november = Period.of(2020, 11);
        for (Path sample : SampleWorkbooks.write(home.resolve("input"), JobsFiles.units(Path.of("jobs")), november, november)) {
            Installation.settle(sample);
        }
        return home;
    }

    private Process start(Path home, String log, List<String> jvmOptions, String command) throws IOException {
        List<String> line = ChildJvm.program("-Xmx512m", jvmOptions.toArray(String[]::new));
        line.addAll(List.of(command,
                "--input", home.resolve("input").toString(), "--output", home.resolve("output").toString(),
                "--data", home.resolve("data").toString(), "--jobs", Path.of("jobs").toAbsolutePath().toString()));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(home.resolve(log).toFile()).start();
        started.add(process);
        return process;
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws IOException;
    }

    private static void waitFor(Check check, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!check.holds()) {
            assertThat(process.isAlive()).as("the program ended before the expected moment").isTrue();
            assertThat(System.nanoTime()).as("timed out").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static int count(Path folder) {
        File[] files = folder.toFile().listFiles();
        return files == null ? 0 : files.length;
    }
}
