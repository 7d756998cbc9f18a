package cn.jintan.quality.store;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A migration killed half-way (H2 commits each DDL statement) must not block the next start. */
class MigrationResumeTest {

    @TempDir
    Path dir;

    @Test
    void aHalfAppliedFailedMigrationRunsAgain() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0";
        Flyway migrateToV4 = Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration")
                .target("4").load();
        migrateToV4.migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            // as if killed after V4's first statement, then a plain restart failed on the second attempt
            s.execute("ALTER TABLE financing_row DROP COLUMN uscc_cell");
            s.execute("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '4'");
            // the migrations after V4 (V20...) never ran: the crash stopped Flyway at V4
            s.execute("DELETE FROM \"flyway_schema_history\" WHERE \"installed_rank\" > "
                    + "(SELECT \"installed_rank\" FROM \"flyway_schema_history\" WHERE \"version\" = '4')");
        }
        Flyway flyway = Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load();
        assertThatThrownBy(flyway::migrate).hasMessageContaining("failed");

        new MigrationConfiguration().resumeInterruptedMigrations().migrate(flyway);

        try (Connection c = DriverManager.getConnection(url, "sa", "");
             ResultSet rs = c.getMetaData().getColumns(null, "PUBLIC", "FINANCING_ROW", "USCC_CELL")) {
            assertThat(rs.next()).isTrue();
        }
        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
    }

    /** Every migration can run twice: what a restart after a kill mid-migration does. */
    @Test
    void everyMigrationIsIdempotent() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("twice") + ";WRITE_DELAY=0";
        Flyway flyway = Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load();
        flyway.migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("DELETE FROM \"flyway_schema_history\"");
        }
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        assertThat(flyway.info().applied()).hasSize(flyway.info().all().length);
    }

    /** V41 drops the row tables' ids from a database that already holds rows: the rows stay. */
    @Test
    void rowsStoredBeforeV41Survive() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("upgrade") + ";WRITE_DELAY=0";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("20").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("INSERT INTO submission (id, file_name, sha256, status, received_at, run_id) "
                    + "VALUES (7, 'f.xlsx', '" + "0".repeat(64) + "', 'ACCEPTED', CURRENT_TIMESTAMP, 'r')");
            s.execute("INSERT INTO fee_row (submission_id, row_no, item, amount, beneficiaries) VALUES (7, 3, 'WATER', 1.50, 2)");
        }
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM fee_row")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong("submission_id")).isEqualTo(7);
            assertThat(rs.getBigDecimal("amount")).isEqualByComparingTo("1.50");
            assertThat(rs.findColumn("row_no")).isPositive();
            assertThatThrownBy(() -> rs.findColumn("id")).isInstanceOf(java.sql.SQLException.class);
        }
    }

    /** Submissions stored before tallies existed (V30) are tallied when start-up migrates the database. */
    @Test
    void startUpTalliesSubmissionsStoredBeforeTalliesExisted() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("tallies") + ";WRITE_DELAY=0";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("20").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("INSERT INTO submission (id, file_name, sha256, status, received_at, run_id) "
                    + "VALUES (7, 'f.xlsx', '" + "0".repeat(64) + "', 'ACCEPTED', CURRENT_TIMESTAMP, 'r')");
            s.execute("INSERT INTO fee_row (submission_id, row_no, item, amount, beneficiaries) VALUES (7, 3, 'WATER', 1.50, 2)");
        }
        Flyway flyway = Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load();
        new MigrationConfiguration().resumeInterruptedMigrations().migrate(flyway);
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT tally_value FROM submission_tally "
                     + "WHERE submission_id = 7 AND figure = 'fee_relief_utilities'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBigDecimal(1)).isEqualByComparingTo("1.50");
        }
    }
}
