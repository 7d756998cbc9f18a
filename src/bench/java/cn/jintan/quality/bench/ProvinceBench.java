package cn.jintan.quality.bench;

import cn.jintan.quality.domain.Period;
import cn.jintan.quality.samples.ProvinceFigures;
import cn.jintan.quality.samples.ProvinceMonth;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The province-sized month of docs/scale-out.md: generates {@code province.units} units ×
 * {@code province.rows} rows once ({@link ProvinceMonth}), then times in one run the whole
 * {@code run} of the packaged jar (child JVMs, the same heap for all) on a fresh installation per
 * mode: one intake thread, local partitions, PostgreSQL (embedded, started before the clock) with
 * one thread, and a manager with two worker JVMs. Each run's figures JSON must equal the
 * generator's recount and every other run's. Prints a Markdown table with ratios.
 *
 * <p>{@code ./mvnw -B -Pbench -DskipTests package -Dbench.main=cn.jintan.quality.bench.ProvinceBench}
 * (smaller: {@code -Dprovince.units=100}; some modes: {@code -Dprovince.modes=h2-1,h2-2}).
 * {@code ProvinceBench generate DIR} only writes DIR/jobs and DIR/input.
 */
public final class ProvinceBench {

    static final String JAR = "target/quality-briefing.jar";

    public static void main(String[] args) throws Exception {
        int units = Integer.getInteger("province.units", 1300);
        int rows = Integer.getInteger("province.rows", 200);
        ProvinceMonth month = new ProvinceMonth(units, rows, Period.parse(System.getProperty("province.period", "2020-11")).orElseThrow(),
                Long.getLong("province.seed", 14L));
        if (args.length == 2 && args[0].equals("generate")) {
            generate(month, Path.of(args[1]));
            return;
        }
        Path work = Path.of(args.length > 0 ? args[0] : "target/bench").toAbsolutePath().resolve("province");
        Path generated = work.resolve("month-" + units + "x" + rows);
        if (!Files.exists(generated.resolve("expected.tsv"))) {
            generate(month, generated);
        }
        Map<String, BigDecimal> expected = ProvinceFigures.of(month);
        String heap = System.getProperty("province.heap", "-Xmx1g");
        List<String> modes = List.of(System.getProperty("province.modes", "h2-1,h2-2,h2-4,pg-1,pg-remote-2").split(","));
        // another build's jar may be measured with the same harness: -Dprovince.jar=...
        Path jar = Path.of(System.getProperty("province.jar", JAR)).toAbsolutePath();
        System.out.println("measuring " + jar);
        Installations installations = new Installations(work, generated, jar, heap);
        Map<String, ProvinceRun> results = new LinkedHashMap<>();
        double loadBefore = ProvinceRun.load();
        try (Databases databases = new Databases()) {
            for (String mode : modes) {
                ProvinceRun run = installations.run(Mode.of(mode.strip()), databases, expected);
                results.put(mode.strip(), run);
                System.out.println(mode + ": " + run);
            }
        }
        System.out.println();
        System.out.println("=== results ===");
        String table = ProvinceRun.table(month, rows, heap, loadBefore, results);
        System.out.println(table);
        Files.writeString(work.resolve("results.md"), table);
        ProvinceRun.checkAlike(results);
    }

    /** Writes DIR/jobs (this project's jobs/ with the province's units.tsv), DIR/input and DIR/expected.tsv. */
    static void generate(ProvinceMonth month, Path dir) throws IOException {
        long t = System.nanoTime();
        month.write(Path.of("jobs"), dir.resolve("jobs"), dir.resolve("input"));
        StringBuilder tsv = new StringBuilder("# district figures of " + month.period() + ", recounted by the generator\n");
        ProvinceFigures.of(month).forEach((k, v) -> tsv.append(k).append('\t').append(v.toPlainString()).append('\n'));
        Files.writeString(dir.resolve("expected.tsv"), tsv);
        long files;
        try (Stream<Path> input = Files.list(dir.resolve("input"))) {
            files = input.count();
        }
        System.out.printf(Locale.ROOT, "generated %d workbooks of %s in %s in %.1f s%n", files, month.period(), dir,
                (System.nanoTime() - t) / 1e9);
    }

    /** Copies a folder's files, keeping their modification times (intake takes a file only once it is old enough). */
    static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    static List<String> list(String... items) {
        return new ArrayList<>(List.of(items));
    }
}
