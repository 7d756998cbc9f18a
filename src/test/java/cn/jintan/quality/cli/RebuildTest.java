package cn.jintan.quality.cli;

import cn.jintan.quality.config.JobsFiles;
import cn.jintan.quality.domain.Period;
import cn.jintan.quality.domain.SubmissionSheet;
import cn.jintan.quality.domain.UnitRegistry;
import cn.jintan.quality.samples.SampleWorkbooks;
import cn.jintan.quality.testing.Console;
import cn.jintan.quality.testing.Ledger;
import cn.jintan.quality.testing.TestWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, item 2: a database emptied ({@code : >}) or damaged in every 4 KB block, while
 * {@code data/archive/} holds every original. Before: the next run exited 0 on a fresh empty database
 * (emptied) or ended in a Spring bean-creation stack trace (damaged). Now both are refused with one
 * line naming the ways out, and {@code rebuild} gives back the same ledger, receipts and figures.
 */
class RebuildTest {

    private static final Period NOVEMBER = Period.parse("2020-11").orElseThrow();
    private static final List<String> KEPT = List.of("直溪镇", "儒林镇", "尧塘街道", "薛埠镇");

    @TempDir
    Path dir;

    @RegisterExtension
    final Console console = new Console();
    private String[] folders;

    @BeforeEach
    void setUp() throws IOException {
        Path jobs = Files.createDirectories(dir.resolve("jobs"));
        try (Stream<Path> files = Files.list(Path.of("jobs"))) {
            for (Path f : files.toList()) {
                Files.copy(f, jobs.resolve(f.getFileName()));
            }
        }
        Files.writeString(jobs.resolve("pipeline.conf"),
                Files.readString(jobs.resolve("pipeline.conf")).replace("backup.keep = 7", "backup.keep = 1"));
        folders = new String[]{"--input", dir.resolve("input").toString(), "--output", dir.resolve("output").toString(),
                "--data", dir.resolve("data").toString(), "--jobs", jobs.toString()};
    }

    @Test
    void anEmptiedOrDamagedDatabaseIsRefusedAndRebuiltFromTheArchive() throws Exception {
        Path input = Files.createDirectories(dir.resolve("input"));
        UnitRegistry registry = JobsFiles.units(Path.of("jobs"));
        // four units' samples (one .xls) keep the test fast
        for (Path sample : SampleWorkbooks.write(input, registry, NOVEMBER, NOVEMBER)) {
            if (KEPT.stream().anyMatch(unit -> sample.getFileName().toString().startsWith(unit))) {
                age(sample, 300);
            } else {
                Files.delete(sample);
            }
        }
        assertThat(run("run")).isZero();

        // the history also holds a resubmitted version, a byte copy and a rejected file, received in this order
        age(TestWorkbook.valid().write(input.resolve("直溪镇-2020-11-更正.xlsx")), 90);
        Path again = SampleWorkbooks.write(dir.resolve("again"), registry, NOVEMBER, NOVEMBER).stream()
                .filter(p -> p.getFileName().toString().startsWith("儒林镇")).findFirst().orElseThrow();
        age(Files.copy(again, input.resolve("再次报送-" + again.getFileName())), 80);
        age(TestWorkbook.valid().set(SubmissionSheet.FINANCING, 0, "登记件数", "两件")
                .write(input.resolve("直溪镇-2020-11-第三版.xlsx")), 70);
        assertThat(run("run")).isZero(); // a second backup: only the newest is kept (backup.keep = 1)

        Map<String, String> ledger = Ledger.of(database());
        assertThat(ledger.values()).anyMatch(l -> l.contains("SUPERSEDED")).anyMatch(l -> l.contains("DUPLICATE"))
                .anyMatch(l -> l.contains("REJECTED"));
        assertThat(ledger).hasSize(7);
        Map<String, String> receipts = receipts();
        String figures = figures();
        Path backups = dir.resolve("data/backup");
        try (Stream<Path> zips = Files.list(backups)) {
            assertThat(zips.map(p -> p.getFileName().toString()).sorted().toList()).hasSize(1)
                    .allMatch(n -> n.startsWith("quality-") && n.endsWith(".zip"));
        }
        Path newest;
        try (Stream<Path> zips = Files.list(backups)) {
            newest = zips.sorted().reduce((a, b) -> b).orElseThrow();
        }
        assertThat(Ledger.of(restored(newest))).as("the newest backup restores the ledger").isEqualTo(ledger);

        Path db = dir.resolve("data/db/quality.mv.db");
        Path good = Files.copy(db, dir.resolve("good.mv.db"));

        // emptied: refused, and the empty file is not silently turned into a new database
        Files.write(db, new byte[0]);
        console.resetErr();
        assertThat(run("run")).isEqualTo(Main.FAILED);
        assertThat(stderr()).contains("不存在、为空或已损坏", "6 个原始文件", "从备份恢复", "rebuild", "nothing was done")
                .doesNotContain("Exception", "\tat ");
        assertThat(Files.size(db)).isZero();
        assertThat(run("report", "--period", "2020-11")).isEqualTo(Main.FAILED);

        // damaged in every 4 KB block: refused the same way, one line (H2 reports the damage, or opens the
        // file at an old state without the ledger: either way the history is not there)
        byte[] bytes = Files.readAllBytes(good);
        for (int block = 0; block < bytes.length; block += 4096) {
            for (int at : new int[]{10, 100, 2048, 4090}) { // chunk headers, pages and footers alike
                bytes[block + at] ^= (byte) 0xFF;
            }
        }
        Files.write(db, bytes);
        console.resetErr();
        assertThat(run("run")).isEqualTo(Main.FAILED);
        assertThat(stderr()).containsAnyOf("数据库文件已损坏", "不存在、为空或已损坏")
                .contains("从备份恢复", "rebuild", "data/backup", "nothing was done")
                .doesNotContain("Exception", "\tat ", "Possible solution");
        assertThat(stderr().strip().lines()).hasSize(1);
        assertThat(run("schedule")).isEqualTo(Main.FAILED);

        // rebuilt: the damaged file kept aside, the same ledger, receipts and figures
        Files.walk(dir.resolve("output/receipts")).filter(Files::isRegularFile).forEach(RebuildTest::delete);
        console.reset();
        assertThat(run("rebuild")).as(() -> stderr() + stdout()).isZero();
        assertThat(stdout()).contains("已按收件顺序重放 7 个文件", "重复 1 个", "已替代 1 个");
        try (Stream<Path> aside = Files.list(dir.resolve("data"))) {
            Path kept = aside.filter(p -> p.getFileName().toString().startsWith("db-set-aside-")).findFirst().orElseThrow();
            assertThat(Files.readAllBytes(kept.resolve("quality.mv.db"))).isEqualTo(bytes);
        }
        assertThat(Ledger.of(database())).isEqualTo(ledger);
        assertThat(receipts()).isEqualTo(receipts);
        assertThat(figures()).isEqualTo(figures);

        // a database with history is never rebuilt over
        console.resetErr();
        assertThat(run("rebuild")).isEqualTo(Main.FAILED);
        assertThat(stderr()).contains("已有 7 条收件记录");
    }

    @Test
    void aNewInstallationRunsAndHasNothingToRebuild() throws IOException {
        assertThat(run("rebuild")).isEqualTo(Main.FAILED);
        assertThat(stderr()).contains("无从重建");
        assertThat(dir.resolve("data/db")).doesNotExist();
        Files.createDirectories(dir.resolve("input")); // an empty drop box (a missing one is refused: CliErrorsTest)
        assertThat(run("run")).isZero();
        assertThat(run("rebuild", "--help")).isZero();
        assertThat(stdout()).contains("按收件顺序", "in the order received");
    }

    private int run(String command, String... more) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of(more));
        args.addAll(List.of(folders));
        return Main.execute(args.toArray(String[]::new));
    }

    private Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("data/db/quality").toAbsolutePath() + ";IFEXISTS=TRUE",
                "sa", "");
    }

    /** The newest backup unzipped into a folder of its own, as README says to restore one. */
    private Connection restored(Path zip) throws Exception {
        Path into = Files.createDirectories(dir.resolve("restored"));
        try (ZipFile z = new ZipFile(zip.toFile())) {
            var entry = z.getEntry("quality.mv.db");
            assertThat(entry).isNotNull();
            Files.copy(z.getInputStream(entry), into.resolve("quality.mv.db"));
        }
        return DriverManager.getConnection("jdbc:h2:file:" + into.resolve("quality").toAbsolutePath() + ";IFEXISTS=TRUE",
                "sa", "");
    }

    private Map<String, String> receipts() throws IOException {
        Map<String, String> receipts = new TreeMap<>();
        Path folder = dir.resolve("output/receipts");
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                receipts.put(folder.relativize(f).toString(), Files.readString(f));
            }
        }
        assertThat(receipts).hasSize(7);
        return receipts;
    }

    private String figures() throws IOException {
        return Files.readString(dir.resolve("output/briefings/2020-11/figures-2020-11.json")).lines()
                .filter(l -> !l.contains("\"generated_at\"")).reduce("", (a, b) -> a + b + "\n");
    }

    private static void age(Path file, int seconds) {
        try {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(seconds)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String stdout() {
        return console.out();
    }

    private String stderr() {
        return console.err();
    }
}
