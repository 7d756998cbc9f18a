package cn.jintan.quality.store;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A migration killed half-way (H2 commits each DDL statement) must not block the next start, and
 * the next change to the schema is one idempotent file after the baseline.
 */
class MigrationResumeTest {

    /** The production migrations, and a test-only V6 standing for the next change. */
    private static final String[] WITH_NEXT = {"classpath:db/migration/common", "classpath:db/migration/h2", "classpath:db/next"};

    @TempDir
    Path dir;

    @Test
    void aHalfAppliedFailedMigrationRunsAgain() throws Exception {
        String url = url("db");
        Flyway.configure().dataSource(url, "sa", "").locations(Database.H2.migrations()).target("7").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            // as if killed half-way through V7, then a plain restart failed on the second attempt
            s.execute("DROP INDEX quality_code_uscc");
            s.execute("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '7'");
        }
        // up to V7 (V10 drops its index again)
        Flyway flyway = Flyway.configure().dataSource(url, "sa", "").locations(Database.H2.migrations()).target("7").load();
        assertThatThrownBy(flyway::migrate).hasMessageContaining("failed");

        new MigrationConfiguration().resumeInterruptedMigrations().migrate(flyway);

        assertThat(indexes(url)).contains("QUALITY_CODE_USCC");
        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
        flyway(url).migrate();
        assertThat(indexes(url)).doesNotContain("QUALITY_CODE_USCC");
    }

    private static List<String> indexes(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             ResultSet rs = c.getMetaData().getIndexInfo(null, "PUBLIC", "QUALITY_CODE", false, false)) {
            List<String> names = new java.util.ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString("INDEX_NAME"));
            }
            return names;
        }
    }

    /** Every migration can run twice: what a restart after a kill mid-migration does. */
    @Test
    void everyMigrationIsIdempotent() throws Exception {
        String url = url("twice");
        Flyway flyway = flyway(url);
        flyway.migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("DELETE FROM \"flyway_schema_history\"");
        }
        flyway(url).migrate();
        assertThat(flyway.info().applied()).hasSize(flyway.info().all().length);
    }

    /**
     * The next change is one file after the baseline (here src/test/resources/db/next): a database
     * in use, holding data, takes it at the next start, keeps its rows, and can take it twice.
     */
    @Test
    void theNextChangeIsOneFileAfterTheBaseline() throws Exception {
        String url = url("next");
        flyway(url).migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("INSERT INTO submission (id, file_name, sha256, status, received_at, run_id) "
                    + "VALUES (7, 'f.xlsx', '" + "0".repeat(64) + "', 'ACCEPTED', CURRENT_TIMESTAMP, 'r')");
            s.execute("INSERT INTO fee_row (submission_id, row_no, item, amount, beneficiaries) VALUES (7, 3, 'WATER', 1.50, 2)");
        }
        Flyway next = Flyway.configure().dataSource(url, "sa", "").locations(WITH_NEXT).load();
        assertThat(next.info().pending()).extracting(m -> m.getVersion().getVersion()).containsExactly("11");

        new MigrationConfiguration().resumeInterruptedMigrations().migrate(next);

        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT s.note, f.amount FROM submission s JOIN fee_row f ON f.submission_id = s.id")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("note")).isNull();
            assertThat(rs.getBigDecimal("amount")).isEqualByComparingTo("1.50");
            s.execute("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '11'");
        }
        next.migrate(); // idempotent, like the baseline
        assertThat(next.info().pending()).isEmpty();
        assertThat(next.validateWithResult().validationSuccessful).isTrue();
    }

    /** V5 moves the codes of rows stored before it into quality_code, once, and drops the uscc index. */
    @Test
    void v5KeepsTheCodesOfRowsStoredBeforeIt() throws Exception {
        String url = url("codes");
        Flyway.configure().dataSource(url, "sa", "").locations(Database.H2.migrations()).target("2").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("INSERT INTO submission (id, file_name, sha256, status, received_at, run_id) "
                    + "VALUES (7, 'f.xlsx', '" + "0".repeat(64) + "', 'ACCEPTED', CURRENT_TIMESTAMP, 'r')");
            s.execute("INSERT INTO quality_row (submission_id, row_no, enterprise_name, uscc, industry, key_enterprise, cqo, "
                    + "std_international, std_national, std_industry, std_local, std_group, pilot_national, pilot_provincial, "
                    + "award, credit_level, jiangsu_boutique, standard_leader) VALUES (7, 4, '甲', '91320482MA1XXXXX0X', "
                    + "'OTHER', TRUE, FALSE, 0, 1, 0, 0, 0, 0, 0, 'NONE', 'A', FALSE, FALSE)");
        }
        Flyway flyway = flyway(url);
        flyway.migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            // V5 and every migration after it, so they run again in order
            s.execute("DELETE FROM \"flyway_schema_history\" WHERE \"version\" NOT IN ('1', '2')");
        }
        flyway.migrate(); // twice, as after a kill mid-migration: still one code
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT submission_id, uscc, row_no FROM quality_code")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("uscc")).isEqualTo("91320482MA1XXXXX0X");
            assertThat(rs.getInt("row_no")).isEqualTo(4);
            assertThat(rs.next()).isFalse();
            try (ResultSet index = c.getMetaData().getIndexInfo(null, "PUBLIC", "QUALITY_ROW", false, false)) {
                List<String> names = new java.util.ArrayList<>();
                while (index.next()) {
                    names.add(index.getString("INDEX_NAME"));
                }
                assertThat(names).contains("QUALITY_ROW_NO").doesNotContain("QUALITY_USCC");
            }
        }
    }

    private String url(String name) {
        return "jdbc:h2:file:" + dir.resolve(name) + ";WRITE_DELAY=0";
    }

    private static Flyway flyway(String url) {
        return Flyway.configure().dataSource(url, "sa", "").locations(Database.H2.migrations()).load();
    }
}
