package cn.jintan.quality.store;

import cn.jintan.quality.job.NightlyRun;
import cn.jintan.quality.testing.Installation;
import cn.jintan.quality.testing.InstallationRoot;
import cn.jintan.quality.testing.OnPostgresql;
import cn.jintan.quality.testing.PipelineTest;
import cn.jintan.quality.testing.TestWorkbook;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link OnPostgresql} puts a pipeline test on the embedded PostgreSQL, whatever the run chose for the others. */
@PipelineTest
@OnPostgresql
class OnPostgresqlTest {

    @InstallationRoot
    static Path root;

    @Autowired
    Database database;

    @Autowired
    HikariDataSource dataSource;

    @Autowired
    NightlyRun nightlyRun;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theContextRunsOnPostgresqlAndNoH2FileIsMade() throws Exception {
        assertThat(database).isEqualTo(Database.POSTGRESQL);
        assertThat(dataSource.getJdbcUrl()).startsWith("jdbc:postgresql://localhost:");
        Installation.drop(root, TestWorkbook.valid(), "直溪镇-2020-11.xlsx");

        assertThat(nightlyRun.run().getStatus()).isEqualTo(BatchStatus.COMPLETED);

        assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL 17");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM submission WHERE status = 'ACCEPTED'").query(Integer.class).single()).isOne();
        assertThat(root.resolve("data/db")).doesNotExist();
    }
}
