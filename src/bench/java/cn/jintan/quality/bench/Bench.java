package cn.jintan.quality.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The ingestion benchmark (issue 6): for each size, generates a workbook, then times in child
 * JVMs our real {@code run} under -Xmx256m, a bare fastexcel-reader read and a POI user-model read,
 * with peak heap (GC log) and peak RSS (VmHWM). Then the reference nightly run over the 299 samples,
 * split into start-up and work. Prints a Markdown table. Run: {@code ./mvnw -Pbench -q verify}
 * (or {@code -Dbench.sizes=10000,100000}).
 */
public final class Bench {

    private static final Pattern GC = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");
    private static final Pattern READY = Pattern.compile("Context ready at JVM uptime (\\d+) ms");
    private static final Pattern DONE = Pattern.compile("Job finished at JVM uptime (\\d+) ms");

    private final Path work;
    private EmbeddedPostgres postgres; // started before any timing; null: no PostgreSQL run
    private final String classpath = System.getProperty("java.class.path");
    /** Wall and CPU seconds of each child, and the server's CPU seconds while it ran. */
    private final List<String> cpuTable = new ArrayList<>(List.of(
            "| child | wall (s) | its CPU, all threads (s) | PostgreSQL server CPU meanwhile (s) |", "|---|---:|---:|---:|"));
    private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private Bench(Path work) {
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : "target/bench").toAbsolutePath();
        Files.createDirectories(work);
        String sizes = System.getProperty("bench.sizes", "10000,100000,1000000");
        Bench bench = new Bench(work);
        if (Boolean.parseBoolean(System.getProperty("bench.postgres", "true"))) {
            // durable like a real server (fsync on); its start-up is not part of any measured process
            bench.postgres = EmbeddedPostgres.builder().setLocaleConfig("locale", "C").setLocaleConfig("encoding", "UTF8")
                    .setDataDirectory(work.resolve("postgres")).setCleanDataDirectory(true).start();
        }
        List<String> lines = new ArrayList<>();
        lines.add("| rows | file MB | ours: `run` -Xmx256m (s) | of which start-up (s) | bare StAX pass (s) | **ours / StAX** "
                + "| ours on PostgreSQL (s) | **ours PG / StAX** "
                + "| ours work / StAX | ours peak heap / after GC (MB) | ours peak RSS (MB) | StAX peak RSS (MB) "
                + "| fastexcel bare read (s) | POI XSSFWorkbook -Xmx4g (s) | POI peak RSS (MB) "
                + "| fastexcel read + bare H2 store (s) | ours / fastexcel | ours / bare store "
                + "| fastexcel read + bare PostgreSQL COPY (s) | bare PG store / StAX | ours PG / bare PG store |");
        lines.add("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (String size : sizes.split(",")) {
            lines.add(bench.size(Integer.parseInt(size.strip())));
            System.out.println(lines.get(lines.size() - 1));
        }
        String reference = Boolean.parseBoolean(System.getProperty("bench.reference", "true")) ? bench.reference() : "";
        System.out.println();
        System.out.println("=== results ===");
        lines.forEach(System.out::println);
        System.out.println();
        System.out.println(reference);
        System.out.println();
        bench.cpuTable.forEach(System.out::println);
        if (bench.postgres != null) {
            bench.postgres.close();
        }
    }

    private String size(int rows) throws Exception {
        Path file = work.resolve("submission-" + rows + ".xlsx"); // USCCs in scrambled order (before: quality-N.xlsx, ascending)
        if (!Files.exists(file)) {
            long t = System.nanoTime();
            BigWorkbook.write(file, rows);
            System.out.printf("generated %s in %.1f s%n", file, (System.nanoTime() - t) / 1e9);
        }
        double mb = Files.size(file) / 1024.0 / 1024.0;
        Run ours = ours(file, "ours-" + rows, rows);
        Run pg = postgres == null ? null : ours(file, "ours-pg-" + rows, rows);
        Run stax = child("stax-" + rows, List.of("-Xmx256m"), BareRead.class.getName(), "stax", file.toString());
        Run fast = baseline("fastexcel") ? child("fast-" + rows, List.of("-Xmx256m"), BareRead.class.getName(), "fastexcel",
                file.toString()) : null;
        Run poi = baseline("poi") ? child("poi-" + rows, List.of("-Xmx4g"), BareRead.class.getName(), "poi", file.toString()) : null;
        Run bare = null;
        Run barePg = null;
        if (baseline("store")) {
            Path store = fresh("store-" + rows);
            bare = child("store-" + rows, List.of("-Xmx256m"), BareStore.class.getName(), file.toString(),
                    store.resolve("data").toString());
            if (postgres != null) {
                barePg = child("store-pg-" + rows, List.of("-Xmx256m"), BareStore.class.getName(), file.toString(),
                        store.resolve("pg").toString(), newDatabase("store-pg-" + rows));
            }
        }
        String poiTime = poi == null ? "-" : poi.exit == 3 || poi.output.contains("OutOfMemoryError") ? "OOM after " + secs(poi.seconds)
                : poi.exit != 0 ? "failed (" + poi.exit + ")" : secs(poi.seconds);
        double work = ours.workSeconds();
        String bareTime = bare == null ? "-" : bare.exit == 0 ? secs(bare.seconds) : "failed (" + bare.exit + ")";
        String barePgTime = barePg == null ? "-" : barePg.exit == 0 ? secs(barePg.seconds) : "failed (" + barePg.exit + ")";
        return String.format(Locale.ROOT, "| %,d | %.1f | %s | %s | %s | **%.2f** | %s | %s | %s | %s | %d | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s |",
                rows, mb, ours.exit == 0 ? secs(ours.seconds) : "failed (" + ours.exit + ")",
                secs(ours.seconds - work), secs(stax.seconds), ours.seconds / stax.seconds,
                pg == null ? "-" : secs(pg.seconds), pg == null ? "-" : "**" + ratio(pg, stax) + "**",
                Double.isNaN(work) ? "-" : String.format(Locale.ROOT, "%.2f", work / stax.seconds),
                ours.heap(), ours.rssMb, stax.rssMb, fast == null ? "-" : secs(fast.seconds), poiTime,
                poi == null ? "-" : poi.rssMb, bareTime, fast == null ? "-" : ratio(ours, fast), bare == null ? "-" : ratio(ours, bare),
                barePgTime, barePg == null ? "-" : ratio(barePg, stax), barePg == null || pg == null ? "-" : ratio(pg, barePg));
    }

    /** Which of the slower baselines to run besides StAX ({@code -Dbench.baselines=fastexcel,poi,store}, the default). */
    private static boolean baseline(String name) {
        return List.of(System.getProperty("bench.baselines", "fastexcel,poi,store").split(",")).contains(name);
    }

    private static String ratio(Run ours, Run other) {
        return String.format(Locale.ROOT, "%.2f", ours.seconds / other.seconds);
    }

    /** The real program on a fresh installation holding only {@code file}. */
    private Run ours(Path file, String name, int rows) throws Exception {
        Path home = fresh(name);
        Files.copy(file, home.resolve("input").resolve("直溪镇-2020-11.xlsx"));
        Run run = name.startsWith("ours-pg-") ? runCommand(home, name, newDatabase(name)) : runCommand(home, name);
        if (!run.output.contains("accepted")) {
            throw new IllegalStateException(name + " was not accepted:\n" + run.output);
        }
        checkFigures(home, rows);
        return run;
    }

    /** The briefing's figures must be exact: recounted from the generator, not trusted. */
    private static void checkFigures(Path home, int rows) throws IOException {
        String json = Files.readString(home.resolve("output/briefings/2020-11/figures-2020-11.json"));
        BigWorkbook.Expected expected = BigWorkbook.expected(rows);
        check(json, "enterprises_reported", expected.enterprises());
        check(json, "key_enterprises", expected.keyEnterprises());
        check(json, "std_national", expected.stdNational());
        System.out.println("figures exact: " + expected);
    }

    private static void check(String json, String key, long expected) {
        // the first occurrence is the district block
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*(\\d+)").matcher(json);
        if (!m.find() || Long.parseLong(m.group(1)) != expected) {
            throw new IllegalStateException(key + ": expected " + expected + ", briefing says "
                    + (m.find(0) ? m.group(1) : "nothing"));
        }
    }

    /** The reference nightly run: all 299 sample workbooks (13 units, 2019-01..2020-11), cold JVM. */
    private String reference() throws Exception {
        Path home = fresh("reference");
        Process samples = new ProcessBuilder(java, "-cp", classpath, "cn.jintan.quality.cli.Main", "samples",
                "--out", home.resolve("input").toString(), "--jobs", Path.of("jobs").toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(home.resolve("samples.log").toFile()).start();
        samples.waitFor();
        long count;
        try (Stream<Path> files = Files.list(home.resolve("input"))) {
            count = files.count();
        }
        Run run = runCommand(home, "reference");
        double work = run.workSeconds();
        return String.format(Locale.ROOT, "Reference nightly run (%d sample files, cold JVM, -Xmx256m): %s s in all; "
                        + "JVM + Spring start-up %s s (%.0f%%), our work (job: intake, validation, store, aggregation, briefings) "
                        + "%s s, shutdown %s s; peak RSS %d MB.",
                count, secs(run.seconds), secs(run.ready / 1000.0), 100 * run.ready / 1000.0 / run.seconds, secs(work),
                secs(run.seconds - run.done / 1000.0), run.rssMb);
    }

    /** A fresh, empty database on the bench's PostgreSQL, as the JDBC URL the child is given. */
    private String newDatabase(String name) throws Exception {
        String database = name.replace('-', '_');
        try (var c = postgres.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database);
            s.execute("CREATE DATABASE " + database);
        }
        return postgres.getJdbcUrl("postgres", database);
    }

    private Run runCommand(Path home, String name) throws Exception {
        return runCommand(home, name, null);
    }

    /** {@code run} on {@code home}, on the H2 file of its data/ or, given {@code database}, on PostgreSQL. */
    private Run runCommand(Path home, String name, String database) throws Exception {
        Map<String, String> env = database == null ? Map.of()
                : Map.of("SPRING_DATASOURCE_URL", database, "SPRING_DATASOURCE_USERNAME", "postgres");
        return child(name, env, List.of("-Xmx256m", "-Dqb.max-file-megabytes=500"), "cn.jintan.quality.cli.Main", "run",
                "--input", home.resolve("input").toString(), "--output", home.resolve("output").toString(),
                "--data", home.resolve("data").toString(), "--jobs", Path.of("jobs").toAbsolutePath().toString());
    }

    private Path fresh(String name) throws IOException {
        Path home = work.resolve("runs").resolve(name);
        if (Files.exists(home)) {
            try (Stream<Path> all = Files.walk(home)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(home.resolve("input"));
        return home;
    }

    private Run child(String name, List<String> jvm, String main, String... args) throws Exception {
        return child(name, Map.of(), jvm, main, args);
    }

    private Run child(String name, Map<String, String> env, List<String> jvm, String main, String... args) throws Exception {
        Path log = work.resolve("runs").resolve(name + ".log");
        Path gc = work.resolve("runs").resolve(name + ".gc.log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvm);
        command.add("-Xlog:gc:file=" + gc);
        command.addAll(List.of("-cp", classpath, main));
        command.addAll(List.of(args));
        double serverBefore = serverCpu();
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        long hwm = 0;
        double cpu = 0;
        Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
        Path stat = Path.of("/proc", String.valueOf(process.pid()), "stat");
        // VmHWM and the CPU times are gone once the process exits: sample them while it runs
        while (process.isAlive()) {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmHWM:")) {
                        hwm = Math.max(hwm, Long.parseLong(line.replaceAll("\\D", "")));
                    }
                }
                cpu = Math.max(cpu, ticks(Files.readString(stat), 2));
            } catch (IOException | RuntimeException e) {
                // exited between isAlive and the read
            }
            Thread.sleep(10);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Thread.sleep(500); // the server's backend of that process ends and is reaped into the postmaster's times
        double server = serverCpu() - serverBefore;
        cpuTable.add(String.format(Locale.ROOT, "| %s | %.2f | %.1f | %s |", name, seconds, cpu,
                postgres == null ? "-" : String.format(Locale.ROOT, "%.1f", server)));
        String output = Files.readString(log);
        Run run = new Run(process.exitValue(), seconds, hwm / 1024, output, Files.exists(gc) ? Files.readString(gc) : "");
        System.out.printf("%s: exit %d, %.2f s, RSS %d MB, heap %s%n", name, run.exit, seconds, run.rssMb, run.heap());
        return run;
    }

    /**
     * CPU seconds of the bench's PostgreSQL server: the postmaster's own and those of its children
     * that have ended (each connection's backend ends with its client), 0 without a server.
     */
    private double serverCpu() throws IOException {
        if (postgres == null) {
            return 0;
        }
        String pid = Files.readAllLines(work.resolve("postgres").resolve("postmaster.pid")).get(0).strip();
        return ticks(Files.readString(Path.of("/proc", pid, "stat")), 4);
    }

    /**
     * utime + stime (+ cutime + cstime when {@code fields} is 4) from a /proc/PID/stat line, in
     * seconds (USER_HZ: 100 on Linux).
     */
    private static double ticks(String stat, int fields) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" "); // f[0] is field 3, the state
        double sum = 0;
        for (int i = 0; i < fields; i++) {
            sum += Long.parseLong(f[11 + i]); // field 14 onwards
        }
        return sum / 100.0;
    }

    private static String secs(double s) {
        return String.format(Locale.ROOT, "%.2f", s);
    }

    private record Run(int exit, double seconds, long rssMb, String output, String gcLog, long ready, long done) {

        Run(int exit, double seconds, long rssMb, String output, String gcLog) {
            this(exit, seconds, rssMb, output, gcLog, find(READY, output), find(DONE, output));
        }

        private static long find(Pattern p, String output) {
            Matcher m = p.matcher(output);
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        }

        /** Job time from our own log lines (start-up excluded), NaN if not ours. */
        double workSeconds() {
            return ready < 0 || done < 0 ? Double.NaN : (done - ready) / 1000.0;
        }

        /** "peak used before a GC / largest left after a GC", in MB, from the GC log. */
        String heap() {
            double before = 0;
            double after = 0;
            Matcher m = GC.matcher(gcLog);
            while (m.find()) {
                before = Math.max(before, mb(m.group(1), m.group(2)));
                after = Math.max(after, mb(m.group(3), m.group(4)));
            }
            return before == 0 ? "no GC" : String.format(Locale.ROOT, "%.0f / %.0f", before, after);
        }

        private static double mb(String n, String unit) {
            double v = Double.parseDouble(n);
            return switch (unit) {
                case "K" -> v / 1024;
                case "G" -> v * 1024;
                default -> v;
            };
        }
    }
}
