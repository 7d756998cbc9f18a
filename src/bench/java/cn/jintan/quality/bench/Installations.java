package cn.jintan.quality.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A fresh installation per {@link Mode} (jobs/ and input/ copied from the generated month, empty
 * output/ and data/), the jar's {@code run} timed on it, its figures checked.
 */
final class Installations {

    /** What a worker JVM logs once it listens for partitions. */
    private static final Pattern WORKER_READY = Pattern.compile(System.getProperty("province.worker-ready",
            "(?i)worker.*(ready|listening|waiting|polling)"));

    private final Path work;
    private final Path generated;
    private final Path jar;
    private final String heap;
    private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    Installations(Path work, Path generated, Path jar, String heap) {
        this.work = work;
        this.generated = generated;
        this.jar = jar;
        this.heap = heap;
    }

    ProvinceRun run(Mode mode, Databases databases, Map<String, BigDecimal> expected) throws Exception {
        String unavailable = mode.unavailable(jar);
        if (unavailable != null) {
            return ProvinceRun.notAvailable(mode, unavailable);
        }
        Path home = work.resolve("runs").resolve(mode.name());
        delete(home);
        ProvinceBench.copyFolder(generated.resolve("jobs"), home.resolve("jobs"));
        ProvinceBench.copyFolder(generated.resolve("input"), home.resolve("input"));
        Map<String, String> env = mode.postgres() ? databases.fresh(mode.name()) : Map.of();
        List<Process> workers = new ArrayList<>();
        try {
            for (int w = 1; mode.remote() && w <= mode.workers(); w++) {
                workers.add(startWorker(mode, home, env, w));
            }
            List<String> command = ProvinceBench.list(java, heap);
            command.addAll(mode.options(jar));
            command.addAll(List.of("-jar", jar.toString(), "run"));
            command.addAll(folders(home));
            ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(home.resolve("run.log").toFile());
            pb.environment().putAll(env);
            long start = System.nanoTime();
            int exit = pb.start().waitFor();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (exit != 0) {
                return ProvinceRun.failed(mode, seconds, "exit " + exit + ", see " + home.resolve("run.log"));
            }
            try {
                return ProvinceRun.measured(mode, seconds, figures(home, expected));
            } catch (IllegalStateException e) {
                return ProvinceRun.failed(mode, seconds, e.getMessage());
            }
        } finally {
            for (Process worker : workers) {
                worker.destroy();
                if (!worker.waitFor(30, TimeUnit.SECONDS)) {
                    worker.destroyForcibly();
                }
            }
        }
    }

    /** A worker JVM on the same installation and database, started and ready before the clock runs. */
    private Process startWorker(Mode mode, Path home, Map<String, String> env, int n) throws Exception {
        Path log = home.resolve("worker-" + n + ".log");
        List<String> command = ProvinceBench.list(java, heap);
        command.addAll(mode.options(jar));
        command.addAll(List.of("-jar", jar.toString(), "worker"));
        command.addAll(folders(home));
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process worker = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!worker.isAlive()) {
                throw new IllegalStateException("worker " + n + " exited " + worker.exitValue() + ":\n" + Files.readString(log));
            }
            if (Files.exists(log) && WORKER_READY.matcher(Files.readString(log)).find()) {
                return worker;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("worker " + n + " not ready after 120 s (no line matching " + WORKER_READY + "), see " + log);
    }

    private static List<String> folders(Path home) {
        return List.of("--input", home.resolve("input").toString(), "--output", home.resolve("output").toString(),
                "--data", home.resolve("data").toString(), "--jobs", home.resolve("jobs").toString());
    }

    /**
     * The district and unit figures of the run's figures JSON, after checking the district against the
     * generator's recount: a mismatch throws.
     */
    private static JsonNode figures(Path home, Map<String, BigDecimal> expected) throws IOException {
        Path file;
        try (Stream<Path> files = Files.walk(home.resolve("output/briefings"))) {
            file = files.filter(f -> f.getFileName().toString().matches("figures-.*\\.json")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no figures JSON under " + home.resolve("output/briefings")));
        }
        JsonNode json = new JsonMapper().readTree(file.toFile());
        JsonNode district = json.get("district");
        List<String> wrong = new ArrayList<>();
        expected.forEach((key, value) -> {
            JsonNode n = district.get(key);
            if (n == null || n.isNull() || n.decimalValue().compareTo(value) != 0) {
                wrong.add(key + " " + n + " (expected " + value.toPlainString() + ")");
            }
        });
        if (!wrong.isEmpty()) {
            throw new IllegalStateException(file + " differs from the generator's recount: " + wrong);
        }
        return new JsonMapper().createObjectNode().set("district", district).set("units", json.get("units"));
    }

    private static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
