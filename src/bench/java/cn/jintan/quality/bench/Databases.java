package cn.jintan.quality.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * One embedded PostgreSQL for the whole bench (started on the first PostgreSQL mode, before any
 * clock runs), with a fresh database per run.
 */
final class Databases implements AutoCloseable {

    private EmbeddedPostgres postgres;

    /** The environment that points the jar at a new, empty database named {@code name}. */
    Map<String, String> fresh(String name) throws IOException, SQLException {
        if (postgres == null) {
            long t = System.nanoTime();
            // the C collation, as README's PostgreSQL section asks (text sorts by code point, as in H2);
            // durability settings left as a server ships them
            postgres = EmbeddedPostgres.builder().setLocaleConfig("locale", "C").setLocaleConfig("encoding", "UTF8").start();
            System.out.printf("embedded PostgreSQL on port %d in %.1f s%n", postgres.getPort(), (System.nanoTime() - t) / 1e9);
        }
        String db = "province_" + name.replaceAll("\\W", "_");
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + db);
            s.execute("CREATE DATABASE " + db + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
        }
        return Map.of("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + db,
                "SPRING_DATASOURCE_USERNAME", "postgres", "SPRING_DATASOURCE_PASSWORD", "postgres");
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }
}
