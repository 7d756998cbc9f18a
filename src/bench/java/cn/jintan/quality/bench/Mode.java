package cn.jintan.quality.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;

/**
 * How one {@link ProvinceBench} run is configured: the database (H2 file or PostgreSQL), the intake
 * threads, and whether partitions go to worker JVMs. Named {@code h2-1}, {@code h2-4}, {@code pg-1},
 * {@code pg-remote-2} (a manager and two workers).
 */
record Mode(String name, boolean postgres, int workers, boolean remote) {

    /** The setting of the number of local intake threads, and of the remote mode (partitioned intake, issue 14). */
    static final String WORKERS = "qb.intake-workers";
    static final String REMOTE = "qb.intake-mode";

    static Mode of(String name) {
        String[] p = name.split("-");
        boolean postgres = p[0].equals("pg");
        if (!postgres && !p[0].equals("h2") || p.length < 2) {
            throw new IllegalArgumentException("mode " + name + ": expected h2-N, pg-N or pg-remote-N");
        }
        boolean remote = p[1].equals("remote");
        return new Mode(name, postgres, Integer.parseInt(p[p.length - 1]), remote);
    }

    /**
     * The options of the manager's (or the only) JVM and of each worker JVM, beyond the heap: the
     * intake threads are always set (the default is one per processor), one per worker JVM, so
     * two worker JVMs check two files at once as two local threads do.
     */
    List<String> options(Path jar) throws IOException {
        List<String> options = new ArrayList<>();
        if (settings(jar).contains(WORKERS)) {
            options.add("-D" + WORKERS + "=" + (remote ? 1 : workers));
        }
        if (remote) {
            options.add("-D" + REMOTE + "=remote");
        }
        return options;
    }

    /** Why the packaged jar cannot run this mode yet, or null when it can. */
    String unavailable(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            if (postgres && zip.stream().noneMatch(e -> e.getName().matches("BOOT-INF/lib/postgresql-.*\\.jar"))) {
                return "no PostgreSQL driver in the jar";
            }
            String settings = settings(jar);
            if (workers > 1 && !remote && !settings.contains(WORKERS)) {
                return "no setting " + WORKERS;
            }
            if (remote && !settings.contains(REMOTE)) {
                return "no setting " + REMOTE;
            }
        }
        return null;
    }

    /** The constants of the jar's table of settings (its property names among them). */
    private static String settings(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return new String(zip.getInputStream(zip.getEntry("BOOT-INF/classes/cn/jintan/quality/config/Setting.class"))
                    .readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
