package cn.jintan.quality.cli;

import cn.jintan.quality.store.Database;
import cn.jintan.quality.store.ServerLock;
import cn.jintan.quality.testing.Console;
import cn.jintan.quality.testing.EmbeddedPostgresql;
import cn.jintan.quality.testing.Installation;
import cn.jintan.quality.testing.TestWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On PostgreSQL, as on H2's locked file, a command is refused (exit 1, nothing done) while another
 * process holds the database, e.g. {@code schedule}; once it lets go, the command runs.
 */
@Tag(EmbeddedPostgresql.ONLY)
class ServerLockTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final Console console = new Console();

    @AfterEach
    void forgetTheSettings() {
        System.clearProperty(Database.URL);
        System.clearProperty(Database.USERNAME);
    }

    @Test
    void aSecondCommandIsRefusedWhileAnotherProcessHoldsTheDatabase() throws Exception {
        String url = EmbeddedPostgresql.newDatabase();
        System.setProperty(Database.URL, url);
        System.setProperty(Database.USERNAME, EmbeddedPostgresql.USER);
        Path file = Installation.drop(dir, TestWorkbook.valid(), "直溪镇-2020-11.xlsx");
        try (Connection other = DriverManager.getConnection(url, EmbeddedPostgresql.USER, "");
             Statement s = other.createStatement()) {
            // what a running schedule's ServerLock holds
            try (ResultSet rs = s.executeQuery("SELECT pg_try_advisory_lock(" + ServerLock.KEY + ")")) {
                assertThat(rs.next() && rs.getBoolean(1)).isTrue();
            }

            assertThat(Main.execute(run())).isEqualTo(Main.FAILED);

            assertThat(console.err()).contains("数据库正被另一个运行中的程序使用", "in use by another running process");
            assertThat(file).isRegularFile(); // not taken
        }
        console.reset();

        assertThat(Main.execute(run())).isEqualTo(Main.OK);
        assertThat(file).doesNotExist();
        assertThat(console.out()).contains("本次收到 1 个文件：通过 1 个");
        // and the lock went with the command: the next one runs too
        assertThat(Main.execute(run())).isEqualTo(Main.OK);
    }

    private String[] run() {
        return new String[]{"run", "--input", dir.resolve("input").toString(), "--output", dir.resolve("output").toString(),
                "--data", dir.resolve("data").toString(), "--jobs", Installation.repositoryJobs().toString()};
    }
}
