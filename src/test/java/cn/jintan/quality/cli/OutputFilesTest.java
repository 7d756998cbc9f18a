package cn.jintan.quality.cli;

import cn.jintan.quality.testing.Installation;
import cn.jintan.quality.testing.TestWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outputs are replaced whole (a new file renamed over the old one, never rewritten in place) and
 * are readable by owner and group only, or as {@code permissions.umask} says.
 */
class OutputFilesTest {

    @TempDir
    Path root;

    private String[] folders(Path jobs) {
        return new String[]{"--input", root.resolve("input").toString(), "--output", root.resolve("output").toString(),
                "--data", root.resolve("data").toString(), "--jobs", jobs.toString()};
    }

    private static String[] concat(String[] first, String... rest) {
        return Stream.concat(Stream.of(first), Stream.of(rest)).toArray(String[]::new);
    }

    private static List<Path> filesUnder(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void everyOutputIsReplacedByRenameAndNoPartialFileStays() throws IOException {
        Installation.drop(root, TestWorkbook.valid(), "直溪镇-2020-11.xlsx");
        Installation.drop(root, TestWorkbook.valid().cover("填报人", ""), "金城镇-2020-11.xlsx");
        assertThat(Main.execute(concat(new String[]{"run"}, folders(Installation.repositoryJobs())))).isZero();
        Path output = root.resolve("output");
        Map<Path, Object> before = new HashMap<>();
        for (Path f : filesUnder(output.resolve("briefings"))) {
            before.put(f, Files.getAttribute(f, "unix:ino"));
        }
        assertThat(before.keySet()).extracting(p -> p.getFileName().toString())
                .contains("briefing-2020-11.pdf", "zhixi-2020-11.pdf", "summary-2020-11.xlsx", "figures-2020-11.json");

        assertThat(Main.execute(concat(new String[]{"report", "--period", "2020-11"}, folders(Installation.repositoryJobs()))))
                .isZero();

        for (Map.Entry<Path, Object> e : before.entrySet()) {
            // a file rewritten in place keeps its inode: a reader (or a kill) could see it half-written
            assertThat(Files.getAttribute(e.getKey(), "unix:ino")).as(e.getKey().toString()).isNotEqualTo(e.getValue());
        }
        assertThat(filesUnder(output)).extracting(p -> p.getFileName().toString())
                .noneMatch(n -> n.endsWith(".part") || n.endsWith(".tmp"));
    }

    @Test
    void dataAndOutputAreCreatedForOwnerAndGroupOnly() throws IOException {
        Installation.drop(root, TestWorkbook.valid(), "直溪镇-2020-11.xlsx");
        Installation.drop(root, TestWorkbook.valid().cover("填报人", ""), "金城镇-2020-11.xlsx");

        assertThat(Main.execute(concat(new String[]{"run"}, folders(Installation.repositoryJobs())))).isZero();

        assertThat(mode(root.resolve("data"))).isEqualTo("rwxr-x---");
        assertThat(mode(root.resolve("data/db"))).isEqualTo("rwxr-x---");
        assertThat(mode(root.resolve("output"))).isEqualTo("rwxr-x---");
        // the folders intake, the archive and the backup make under data/ too
        for (String folder : List.of("data/archive", "data/intake", "data/backup")) {
            assertThat(mode(root.resolve(folder))).as(folder).isEqualTo("rwxr-x---");
        }
        List<Path> archiveFolders;
        try (var archived = Files.list(root.resolve("data/archive"))) {
            archiveFolders = archived.filter(Files::isDirectory).toList();
        }
        assertThat(archiveFolders).isNotEmpty();
        for (Path d : archiveFolders) {
            assertThat(mode(d)).as(d.toString()).isEqualTo("rwxr-x---");
        }
        List<Path> outputs = filesUnder(root.resolve("output"));
        assertThat(outputs).extracting(p -> p.getFileName().toString())
                .contains("briefing-2020-11.pdf", "zhixi-2020-11-v1.json", "zhixi-2020-11-v1.pdf");
        for (Path f : outputs) {
            assertThat(mode(f)).as(f.toString()).isEqualTo("rw-r-----");
            assertThat(mode(f.getParent())).as(f.getParent().toString()).isEqualTo("rwxr-x---");
        }
    }

    @Test
    void theUmaskOfPipelineConfDecides() throws IOException {
        Path jobs = Files.createDirectories(root.resolve("jobs"));
        for (String name : new String[]{"units.tsv", "targets.tsv", "recipients.txt"}) {
            Files.copy(Installation.repositoryJobs().resolve(name), jobs.resolve(name));
        }
        Files.writeString(jobs.resolve("pipeline.conf"), "permissions.umask = 077\n");
        Installation.drop(root, TestWorkbook.valid(), "直溪镇-2020-11.xlsx");

        assertThat(Main.execute(concat(new String[]{"run"}, folders(jobs)))).isZero();

        assertThat(mode(root.resolve("data"))).isEqualTo("rwx------");
        assertThat(mode(root.resolve("output"))).isEqualTo("rwx------");
        for (Path f : filesUnder(root.resolve("output"))) {
            assertThat(mode(f)).as(f.toString()).isEqualTo("rw-------");
        }

        Files.writeString(jobs.resolve("pipeline.conf"), "permissions.umask = everyone\n");
        assertThat(Main.execute(concat(new String[]{"run"}, folders(jobs)))).isEqualTo(Main.USAGE);
    }
}
