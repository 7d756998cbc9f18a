package cn.jintan.quality.store;

import cn.jintan.quality.testing.EmbeddedPostgresql;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two databases' migrations build the same schema: each vendor has its own V1 and V2
 * (db/migration/h2, db/migration/postgresql; the H2 ones cannot change, existing databases applied
 * them), so nothing but this test keeps them alike. Our tables: same columns, types, lengths,
 * scales and nullability, and the same named indexes; Spring Batch's: same columns.
 */
@Tag(EmbeddedPostgresql.ONLY)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemaParityTest {

    @TempDir
    static Path dir;

    private String h2;
    private String postgresql;

    @BeforeAll
    void migrateBoth() {
        h2 = "jdbc:h2:file:" + dir.resolve("parity") + ";WRITE_DELAY=0";
        postgresql = EmbeddedPostgresql.newDatabase();
        flyway(Database.H2, h2, "sa").migrate();
        flyway(Database.POSTGRESQL, postgresql, EmbeddedPostgresql.USER).migrate();
    }

    @Test
    void ourTablesHaveTheSameColumnsOnBoth() throws SQLException {
        Map<String, String> onH2 = columns(h2, "sa");
        Map<String, String> onPostgresql = columns(postgresql, EmbeddedPostgresql.USER);
        assertThat(onH2).containsKeys("submission.received_at", "quality_row.honour_rank", "batch_job_execution.status");
        // as lines, so a difference is reported as the columns missing and the ones not expected
        assertThat(lines(onPostgresql)).containsExactlyElementsOf(lines(onH2));
    }

    @Test
    void theNamedIndexesAreOnBoth() throws SQLException {
        TreeSet<String> onH2 = indexes(h2, "sa");
        assertThat(onH2).contains("quality_row.quality_honours", "quality_row.quality_row_no", "submission.submission_sha");
        assertThat(indexes(postgresql, EmbeddedPostgresql.USER)).containsAll(onH2);
    }

    /** What a restart after a kill mid-migration does on H2 (MigrationResumeTest): the PostgreSQL files take it too. */
    @Test
    void thePostgresqlMigrationsCanRunTwice() throws SQLException {
        String twice = EmbeddedPostgresql.newDatabase();
        flyway(Database.POSTGRESQL, twice, EmbeddedPostgresql.USER).migrate();
        try (Connection c = DriverManager.getConnection(twice, EmbeddedPostgresql.USER, "");
             Statement s = c.createStatement()) {
            s.execute("DELETE FROM flyway_schema_history");
        }
        Flyway again = flyway(Database.POSTGRESQL, twice, EmbeddedPostgresql.USER);
        again.migrate();
        assertThat(again.info().applied()).hasSize(again.info().all().length);
        assertThat(columns(twice, EmbeddedPostgresql.USER)).isEqualTo(columns(postgresql, EmbeddedPostgresql.USER));
    }

    private static java.util.List<String> lines(Map<String, String> columns) {
        return columns.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList();
    }

    private static Flyway flyway(Database database, String url, String user) {
        return Flyway.configure().dataSource(url, user, "").locations(database.migrations()).load();
    }

    /**
     * table.column → type, length, scale, nullability (lower case); for Batch's tables only that the
     * column is there, Spring's two schema files differ in types of their own.
     */
    private static Map<String, String> columns(String url, String user) throws SQLException {
        Map<String, String> columns = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(url, user, "");
             ResultSet rs = c.getMetaData().getColumns(null, schema(c), "%", "%")) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (table.equals("flyway_schema_history") || table.startsWith("int_")) {
                    continue; // int_*: remote intake's request channel, PostgreSQL only (V4_1)
                }
                String column = table + "." + rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
                String type = type(rs.getString("TYPE_NAME"));
                // the drivers give their own sizes for numbers and times: compare lengths and scales only
                String size = type.matches("varchar|char|numeric")
                        ? "(" + rs.getInt("COLUMN_SIZE") + "," + rs.getInt("DECIMAL_DIGITS") + ")" : "";
                columns.put(column, table.startsWith("batch_") ? "" : type + size + " " + rs.getString("IS_NULLABLE"));
            }
        }
        return columns;
    }

    /** The drivers name the same types differently; H2's TINYINT is PostgreSQL's SMALLINT (no TINYINT there). */
    private static String type(String name) {
        String type = name.toLowerCase(Locale.ROOT);
        return switch (type) {
            case "character varying" -> "varchar";
            case "character", "bpchar" -> "char";
            case "integer", "int4" -> "int";
            case "bigint", "int8", "bigserial" -> "bigint";
            case "tinyint", "smallint", "int2" -> "smallint";
            case "boolean", "bool" -> "boolean";
            case "numeric", "decimal" -> "numeric";
            case "timestamp with time zone", "timestamptz" -> "timestamptz";
            default -> type;
        };
    }

    private static TreeSet<String> indexes(String url, String user) throws SQLException {
        TreeSet<String> indexes = new TreeSet<>();
        try (Connection c = DriverManager.getConnection(url, user, "")) {
            DatabaseMetaData meta = c.getMetaData();
            for (String table : columns(url, user).keySet().stream().map(k -> k.substring(0, k.indexOf('.')))
                    .filter(t -> !t.startsWith("batch_")).distinct().toList()) {
                String name = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
                try (ResultSet rs = meta.getIndexInfo(null, schema(c), name, false, false)) {
                    while (rs.next()) {
                        String index = rs.getString("INDEX_NAME");
                        // the ones the migrations name (not H2's or PostgreSQL's own for keys)
                        if (index != null && !index.matches("(?i)(primary_key_|constraint_|fk_|.*_pkey$|.*_index_).*")
                                && !index.toLowerCase(Locale.ROOT).endsWith("_pkey")) {
                            indexes.add(table + "." + index.toLowerCase(Locale.ROOT));
                        }
                    }
                }
            }
        }
        return indexes;
    }

    private static String schema(Connection c) throws SQLException {
        return c.getSchema();
    }
}
