package cn.jintan.quality.store;

import org.springframework.core.env.PropertyResolver;

/**
 * The database an installation keeps its ledger in: the embedded H2 file under {@code data/db/} (the
 * default), or a PostgreSQL server when {@code spring.datasource.url} is set (environment
 * {@code SPRING_DATASOURCE_URL}, or {@code database.url} in {@code jobs/pipeline.conf}). Asked only
 * where the two differ: H2's backup file, its file lock and file checks, its error codes.
 */
public enum Database {

    /** Embedded, one process at a time: the file is locked while a run or {@code schedule} holds it. */
    H2("h2"),
    /** A server several processes (operators, schedule, workers) share; backing it up is its own business (pg_dump). */
    POSTGRESQL("postgresql");

    /** The setting that moves the ledger to PostgreSQL; unset (or empty) means the embedded H2 file. */
    public static final String URL = "spring.datasource.url";
    public static final String USERNAME = "spring.datasource.username";
    public static final String PASSWORD = "spring.datasource.password";
    private static final String POSTGRESQL_URL = "jdbc:postgresql:";

    private final String vendor;

    Database(String vendor) {
        this.vendor = vendor;
    }

    /** The database of {@code spring.datasource.url}; any URL but a PostgreSQL one is refused at start-up (config.Setting). */
    public static Database ofUrl(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.startsWith(POSTGRESQL_URL) ? POSTGRESQL : H2;
    }

    /** The database the settings choose (environment, system properties, command line, Spring's property sources). */
    public static Database of(PropertyResolver settings) {
        return ofUrl(settings.getProperty(URL));
    }

    /** Whether {@code value} may be given as {@code spring.datasource.url}: empty (H2) or a PostgreSQL JDBC URL. */
    public static boolean acceptsUrl(String value) {
        return value.isBlank() || value.startsWith(POSTGRESQL_URL) && value.length() > POSTGRESQL_URL.length();
    }

    /**
     * H2's index hint after a table name ({@code USE INDEX (name)}), where its planner would otherwise
     * scan; empty on PostgreSQL, whose planner finds the index from the statistics (and has no hints).
     */
    public String useIndex(String index) {
        return this == H2 ? " USE INDEX (" + index + ")" : "";
    }

    /**
     * Flyway's locations for this database: the migrations both take, then its own (V1, Spring Batch's
     * tables, and V2, the baseline). The same as {@code spring.flyway.locations} with Boot's {@code {vendor}}.
     */
    public String[] migrations() {
        return new String[] {"classpath:db/migration/common", "classpath:db/migration/" + vendor};
    }
}
