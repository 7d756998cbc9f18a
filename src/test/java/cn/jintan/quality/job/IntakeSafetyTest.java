package cn.jintan.quality.job;

import cn.jintan.quality.PipelineProperties;
import cn.jintan.quality.domain.UnitRegistry;
import cn.jintan.quality.testing.Installation;
import cn.jintan.quality.testing.InstallationRoot;
import cn.jintan.quality.testing.PipelineTest;
import cn.jintan.quality.testing.TestWorkbook;
import cn.jintan.quality.validation.RowSink;
import cn.jintan.quality.validation.Submission;
import cn.jintan.quality.validation.SubmissionValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and unlucky input folders (issue 11): names too long to keep beside a suffix, files
 * replaced or still being written while the run handles them, links and special files in the
 * drop box, names that would forge log lines. Nothing is lost, nothing outside input/ is read.
 */
@PipelineTest(properties = "qb.settle-window=1s")
@Import(IntakeSafetyTest.Hooks.class)
@ExtendWith(OutputCaptureExtension.class)
class IntakeSafetyTest {

    @InstallationRoot
    static Path root;

    /** The real validator, with something done (or thrown) while it reads the file a test names. */
    static class HookedValidator extends SubmissionValidator {

        final Map<String, Runnable> during = new ConcurrentHashMap<>();

        HookedValidator(UnitRegistry registry, long maxFileBytes) {
            super(registry, maxFileBytes);
        }

        @Override
        public Submission validate(Path file, String fileName, YearMonth currentMonth, RowSink sink) {
            Runnable hook = during.remove(fileName);
            if (hook != null) {
                hook.run();
            }
            return super.validate(file, fileName, currentMonth, sink);
        }
    }

    @TestConfiguration
    static class Hooks {
        @Bean
        @Primary
        HookedValidator hookedValidator(UnitRegistry registry, PipelineProperties properties) {
            return new HookedValidator(registry, properties.maxFileBytes());
        }
    }

    @Autowired
    NightlyRun nightlyRun;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    HookedValidator validator;

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void clean() throws IOException {
        validator.during.clear();
        Installation.emptyDatabase(jdbc);
        for (String folder : List.of("output", "data/archive", "data/quarantine", "data/intake", "input", "outside")) {
            FileSystemUtils.deleteRecursively(root.resolve(folder));
        }
        Installation.input(root);
    }

    /**
     * Item 1: a 254-byte UTF-8 name leaves no room for {@code NAME.part} in the quarantine. The
     * quarantine is named by hash instead, so the file is put aside and the next run, with a
     * valid file, completes and accepts it (before: every later run failed the same way).
     */
    @Test
    void aLongNamedFileIsQuarantinedAndTheNextRunSucceeds() throws Exception {
        String longName = "直溪镇-2020-11-" + "质".repeat(77) + ".xlsx";
        assertThat(longName.getBytes(StandardCharsets.UTF_8).length).isEqualTo(254);
        Path file = Installation.drop(root, TestWorkbook.valid(), longName);
        byte[] bytes = Files.readAllBytes(file);
        validator.during.put(longName, () -> {
            throw new IllegalStateException("bug hit by this file (test)");
        });

        JobExecution first = nightlyRun.run();

        assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(nightlyRun.exitStatus(first)).isEqualTo(NightlyRun.EXIT_QUARANTINED);
        JsonNode kept = summary(first).get("quarantined").get(0);
        assertThat(kept.get("file").asString()).isEqualTo(longName);
        Path keptAt = Path.of(kept.get("kept_at").asString());
        assertThat(Files.readAllBytes(keptAt)).isEqualTo(bytes);
        assertThat(keptAt.getFileName().toString()).doesNotContain("质");
        // the original name is kept as data beside it, for the operator who moves it back
        assertThat(Files.readString(keptAt.resolveSibling("name.txt")).strip()).isEqualTo(longName);
        assertThat(listing(root.resolve("input"))).isEmpty();

        Installation.drop(root, TestWorkbook.valid().cover("填报单位", "儒林镇"), "儒林镇-2020-11.xlsx");
        JobExecution next = nightlyRun.run();

        assertThat(NightlyRun.runId(next)).isNotEqualTo(NightlyRun.runId(first));
        assertThat(next.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(nightlyRun.exitStatus(next)).isEqualTo(NightlyRun.EXIT_COMPLETED);
        assertThat(status(root.resolve("output/receipts/2020-11/rulin-2020-11-v1.json"))).isEqualTo("accepted");
        assertThat(listing(root.resolve("input"))).isEmpty();
    }

    /**
     * Item 3: staff replace B.xlsx ({@code cp new tmp && mv tmp B.xlsx}) while the run checks it.
     * The run checks what it took; the replacement is a new file, processed by the next run.
     * Before, the replacement was deleted after the commit, never archived nor receipted.
     */
    @Test
    void aFileReplacedWhileTheRunHandlesItIsTheNextFileNotLost() throws Exception {
        Path input = root.resolve("input");
        Path first = Installation.drop(root, TestWorkbook.valid(), "B.xlsx");
        String firstSha = sha256(Files.readAllBytes(first));
        byte[] replacement = Files.readAllBytes(TestWorkbook.valid().cover("填报人", "李强")
                .write(Files.createDirectories(root.resolve("outside")).resolve("new.xlsx")));
        validator.during.put("B.xlsx", () -> {
            try {
                Path tmp = Files.write(input.resolve("B.xlsx.tmp"), replacement);
                Installation.settle(Files.move(tmp, input.resolve("B.xlsx"), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        JobExecution run = nightlyRun.run();
        assertThat(nightlyRun.exitStatus(run)).isEqualTo(NightlyRun.EXIT_COMPLETED);
        assertThat(status(root.resolve("output/receipts/2020-11/zhixi-2020-11-v1.json"))).isEqualTo("accepted");
        assertThat(archived(firstSha)).isTrue();

        JobExecution next = nightlyRun.run();
        assertThat(nightlyRun.exitStatus(next)).isEqualTo(NightlyRun.EXIT_COMPLETED);
        assertThat(status(root.resolve("output/receipts/2020-11/zhixi-2020-11-v2.json"))).isEqualTo("accepted");
        assertThat(status(root.resolve("output/receipts/2020-11/zhixi-2020-11-v1.json"))).isEqualTo("superseded");
        assertThat(archived(sha256(replacement))).isTrue();
        assertThat(listing(input)).isEmpty();
        assertThat(taken()).isEmpty();
    }

    /**
     * Item 3: a copy that stalled longer than the settle window is taken half-written (nothing can
     * tell it from a finished one) and rejected; the copy then resumes into the file taken. That
     * file is not deleted: the next run takes the whole workbook and accepts it. A copy stalled
     * for less than the window is not taken at all. Before, the rest of the copy went into a
     * deleted file and the workbook was lost.
     */
    @Test
    void aStalledCopyIsNeverLost() throws Exception {
        Path input = root.resolve("input");
        byte[] whole = Files.readAllBytes(TestWorkbook.valid().cover("填报单位", "儒林镇")
                .write(Files.createDirectories(root.resolve("outside")).resolve("rulin.xlsx")));
        int half = whole.length / 2;
        OutputStream copy = Files.newOutputStream(input.resolve("儒林镇-2020-11.xlsx"));
        copy.write(whole, 0, half);
        copy.flush();
        Installation.settle(input.resolve("儒林镇-2020-11.xlsx")); // stalled for a minute
        validator.during.put("儒林镇-2020-11.xlsx", () -> {
            try (copy) {
                copy.write(whole, half, whole.length - half); // the copy resumes, into the file the run took
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        // another copy, stalled a moment ago (within the window): waits in input/
        byte[] other = Files.readAllBytes(TestWorkbook.valid().cover("填报单位", "金城镇")
                .write(root.resolve("outside/jincheng.xlsx")));
        Path waiting = Files.write(input.resolve("金城镇-2020-11.xlsx"), Arrays.copyOf(other, other.length / 2));

        JobExecution run = nightlyRun.run();
        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(listing(input)).containsExactly("金城镇-2020-11.xlsx");
        assertThat(archived(sha256(Arrays.copyOf(other, other.length / 2)))).isFalse();

        // the second copy finishes; both are taken whole by the next run
        Files.write(waiting, other);
        Installation.settle(waiting);
        Thread.sleep(1_100); // the resumed copy settles too
        JobExecution next = nightlyRun.run();
        assertThat(nightlyRun.exitStatus(next)).isEqualTo(NightlyRun.EXIT_COMPLETED);
        assertThat(status(root.resolve("output/receipts/2020-11/rulin-2020-11-v1.json"))).isEqualTo("accepted");
        assertThat(status(root.resolve("output/receipts/2020-11/jincheng-2020-11-v1.json"))).isEqualTo("accepted");
        assertThat(archived(sha256(whole))).isTrue();
        assertThat(listing(input)).isEmpty();
        assertThat(taken()).isEmpty();
    }

    /**
     * Item 4: {@code ln -s SECRET input/x.xls} (and a link to a valid workbook outside input/), a
     * FIFO, a folder and a hidden file: none is read, archived or moved; the run summary lists
     * each with the reason. Before, the link's target was copied into the archive.
     */
    @Test
    void linksSpecialAndHiddenFilesAreNeverReadButListed() throws Exception {
        Path input = root.resolve("input");
        Path outside = Files.createDirectories(root.resolve("outside"));
        Path secret = Files.writeString(outside.resolve("shadow"), "root:$6$secret:19000:0:99999:7:::\n");
        Path workbook = TestWorkbook.valid().cover("填报单位", "金城镇").write(outside.resolve("jincheng.xlsx"));
        Files.createSymbolicLink(input.resolve("x.xls"), secret);
        Files.createSymbolicLink(input.resolve("金城镇-2020-11.xlsx"), workbook);
        Process mkfifo = new ProcessBuilder("mkfifo", input.resolve("pipe.xlsx").toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        Files.createDirectory(input.resolve("folder.xlsx"));
        Installation.drop(root, TestWorkbook.valid().cover("填报单位", "儒林镇"), ".儒林镇-2020-11.xlsx");
        Installation.drop(root, TestWorkbook.valid(), "直溪镇-2020-11.xlsx");
        // all of them settled long ago (a link's time is its target's when followed; a FIFO is never opened)
        for (Path old : List.of(secret, workbook, input.resolve("folder.xlsx"))) {
            Files.setLastModifiedTime(old, FileTime.from(Instant.now().minusSeconds(60)));
        }
        for (Path link : List.of(input.resolve("x.xls"), input.resolve("金城镇-2020-11.xlsx"))) {
            Files.getFileAttributeView(link, java.nio.file.attribute.BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .setTimes(FileTime.from(Instant.now().minusSeconds(60)), null, null);
        }

        JobExecution run = nightlyRun.run();

        assertThat(nightlyRun.exitStatus(run)).isEqualTo(NightlyRun.EXIT_COMPLETED);
        assertThat(status(root.resolve("output/receipts/2020-11/zhixi-2020-11-v1.json"))).isEqualTo("accepted");
        assertThat(archived(sha256(Files.readAllBytes(secret)))).isFalse();
        assertThat(archived(sha256(Files.readAllBytes(workbook)))).isFalse();
        assertThat(jdbc.sql("SELECT file_name FROM submission").query(String.class).list())
                .containsExactly("直溪镇-2020-11.xlsx");
        assertThat(root.resolve("output/receipts/2020-11/jincheng-2020-11-v1.json")).doesNotExist();
        assertThat(root.resolve("output/receipts/unknown")).doesNotExist();
        assertThat(listing(input)).containsExactlyInAnyOrder("x.xls", "金城镇-2020-11.xlsx", "pipe.xlsx",
                "folder.xlsx", ".儒林镇-2020-11.xlsx");
        assertThat(Files.isSymbolicLink(input.resolve("x.xls"))).isTrue();

        JsonNode skipped = summary(run).get("skipped");
        List<String> reasons = new ArrayList<>();
        skipped.forEach(s -> reasons.add(s.get("file").asString() + " " + s.get("reason").asString()));
        assertThat(reasons).containsExactlyInAnyOrder("x.xls symlink", "金城镇-2020-11.xlsx symlink",
                "pipe.xlsx special", "folder.xlsx directory", ".儒林镇-2020-11.xlsx hidden");
    }

    /** Item 7: a newline in a file name cannot forge a log line; the name is logged escaped. */
    @Test
    void aNewlineInAFileNameCannotForgeALogLine(CapturedOutput output) throws Exception {
        String name = "直溪镇\n10:00:00 ERROR Forged - database wiped.xlsx";
        Installation.drop(root, TestWorkbook.valid(), name);

        JobExecution run = nightlyRun.run();

        assertThat(nightlyRun.exitStatus(run)).isEqualTo(NightlyRun.EXIT_COMPLETED);
        assertThat(output.getAll()).contains("直溪镇\\n10:00:00 ERROR Forged");
        assertThat(output.getAll().lines()).noneMatch(line -> line.startsWith("10:00:00 ERROR Forged"));
    }

    private boolean archived(String sha) throws IOException {
        Path archive = root.resolve("data/archive");
        if (!Files.isDirectory(archive)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(archive)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith(sha));
        }
    }

    /** Whatever is still held in data/ between input/ and the archive. */
    private List<Path> taken() throws IOException {
        Path intake = root.resolve("data/intake");
        if (!Files.isDirectory(intake)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(intake)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private String status(Path receipt) {
        return json.readTree(receipt.toFile()).get("status").asString();
    }

    private JsonNode summary(JobExecution execution) {
        return json.readTree(root.resolve("output/runs/" + NightlyRun.runId(execution) + ".json").toFile());
    }

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
