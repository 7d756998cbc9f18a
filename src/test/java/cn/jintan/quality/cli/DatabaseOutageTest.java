package cn.jintan.quality.cli;

import cn.jintan.quality.store.Database;
import cn.jintan.quality.testing.Console;
import cn.jintan.quality.testing.EmbeddedPostgresql;
import cn.jintan.quality.testing.Installation;
import cn.jintan.quality.testing.TestWorkbook;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL out of reach (never there, or shut down in the middle of a run) fails the run with
 * exit status 1 and one plain message, like H2's locked or damaged file; no file is blamed for it
 * (quarantined), and none is lost: what was not stored is still there for the next run.
 */
@Tag(EmbeddedPostgresql.ONLY)
class DatabaseOutageTest {

    private static final List<String> SETTINGS = List.of(Database.URL, Database.USERNAME,
            "spring.datasource.hikari.connection-timeout", "qb.pause-per-file");

    @TempDir
    Path dir;

    @RegisterExtension
    final Console console = new Console();

    @AfterEach
    void forgetTheSettings() {
        SETTINGS.forEach(System::clearProperty);
    }

    @Test
    void aServerThatIsNotThereFailsTheRunBeforeAnyFileIsTaken() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort(); // nothing listens there once closed
        }
        System.setProperty(Database.URL, "jdbc:postgresql://localhost:" + port + "/quality");
        Path file = Installation.drop(dir, TestWorkbook.valid(), "直溪镇-2020-11.xlsx");

        assertThat(Main.execute(run())).isEqualTo(Main.FAILED);

        assertThat(console.err()).contains("数据库连接不上", "localhost:" + port, "SPRING_DATASOURCE_URL", "Cannot reach the database")
                .doesNotContain("Exception");
        assertThat(file).isRegularFile(); // not taken
        assertThat(dir.resolve("data/db")).doesNotExist(); // and no H2 file made instead
    }

    @Test
    void aServerShutDownMidRunFailsTheRunAndBlamesNoFile() throws Exception {
        EmbeddedPostgres server = EmbeddedPostgresql.startOwn();
        try {
            System.setProperty(Database.URL, EmbeddedPostgresql.newDatabase(server));
            System.setProperty(Database.USERNAME, EmbeddedPostgresql.USER);
            System.setProperty("spring.datasource.hikari.connection-timeout", "1000");
            System.setProperty("qb.pause-per-file", "3s"); // time to shut the server down while the first file is checked
            Installation.drop(dir, TestWorkbook.valid().cover("填报单位", "直溪镇"), "直溪镇-2020-11.xlsx");
            Installation.drop(dir, TestWorkbook.valid().cover("填报单位", "金城镇"), "金城镇-2020-11.xlsx");

            CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> Main.execute(run()));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (files(dir.resolve("input")) == 2 && !run.isDone() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(run).isNotDone();
            server.close(); // fast shutdown: every session is ended (57P01), then nobody listens

            assertThat(run.get(90, TimeUnit.SECONDS)).isEqualTo(Main.FAILED);
        } finally {
            server.close();
        }
        assertThat(console.err()).contains("数据库连接不上", "Cannot reach the database");
        assertThat(files(dir.resolve("data/quarantine"))).isZero();
        // both originals are still at hand: in input/, taken into data/intake/, or archived for the next run
        assertThat(files(dir.resolve("input")) + files(dir.resolve("data/intake"))).isEqualTo(2);
    }

    private String[] run() {
        return new String[]{"run", "--input", dir.resolve("input").toString(), "--output", dir.resolve("output").toString(),
                "--data", dir.resolve("data").toString(), "--jobs", Installation.repositoryJobs().toString()};
    }

    private static long files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }
}
