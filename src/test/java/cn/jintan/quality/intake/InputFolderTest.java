package cn.jintan.quality.intake;

import cn.jintan.quality.PipelineProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class InputFolderTest {

    @TempDir
    Path dir;

    private final Instant now = Instant.parse("2020-12-01T18:00:00Z");

    private InputFolder folder() {
        PipelineProperties p = new PipelineProperties(dir, dir.resolve("out"), dir.resolve("data"), Path.of("jobs"),
                ZoneId.of("Asia/Shanghai"), 20, "x", "y", Duration.ZERO, "0 0 2 * * *", "financing_amount_ytd", "5m", "08:00-20:00", "027", 7, 0, "local", Duration.ofSeconds(60));
        return new InputFolder(p, Clock.fixed(now, ZoneId.of("Asia/Shanghai")));
    }

    private Path file(String name, Instant modified) throws IOException {
        Path f = Files.writeString(dir.resolve(name), "x");
        Files.setLastModifiedTime(f, FileTime.from(modified));
        return f;
    }

    @Test
    void takesFinishedFilesOldestFirstThenByName() throws IOException {
        file("b.xlsx", now.minusSeconds(600));
        file("a.xlsx", now.minusSeconds(600));
        file("old.xls", now.minusSeconds(3600));
        assertThat(folder().pendingFiles()).extracting(p -> p.getFileName().toString())
                .containsExactly("old.xls", "a.xlsx", "b.xlsx");
    }

    @Test
    void skipsTemporaryHiddenAndStillGrowingFiles() throws IOException {
        file("~$直溪镇-2020-11.xlsx", now.minusSeconds(600)); // Excel's lock file
        file(".直溪镇.xlsx", now.minusSeconds(600));
        file("直溪镇.xlsx.tmp", now.minusSeconds(600));
        file("直溪镇.xlsx.part", now.minusSeconds(600));
        file("being-copied.xlsx", now.minusMillis(500)); // changed in the last seconds: next run
        file("ready.xlsx", now.minusSeconds(10));
        Files.createDirectory(dir.resolve("sub"));
        assertThat(folder().pendingFiles()).extracting(p -> p.getFileName().toString()).containsExactly("ready.xlsx");
    }

    @Test
    void listsLinksFoldersAndHiddenFilesWithTheReason() throws IOException {
        Path outside = Files.writeString(Files.createDirectories(dir.resolve("data")).resolve("secret"), "s");
        Files.createSymbolicLink(dir.resolve("x.xls"), outside);
        Files.createDirectory(dir.resolve("sub"));
        file(".hidden.xlsx", now.minusSeconds(600));
        file("~$lock.xlsx", now.minusSeconds(600));
        file("ready.xlsx", now.minusSeconds(600));
        InputFolder.Listing listing = folder().scan();
        assertThat(listing.skipped()).extracting(s -> s.file() + " " + s.reason())
                .containsExactlyInAnyOrder("x.xls symlink", "sub directory", ".hidden.xlsx hidden", "data directory");
        assertThat(listing.waiting()).extracting(c -> c.path().getFileName().toString()).containsExactly("ready.xlsx");
    }

    @Test
    void takesAFileOutOfTheFolderAndReleasesItOnlyUnchanged() throws IOException {
        file("a.xlsx", now.minusSeconds(600));
        file("b.xlsx", now.minusSeconds(600));
        InputFolder folder = folder();
        List<InputFolder.Candidate> waiting = folder.scan().waiting();

        Path a = folder.take(waiting.get(0)).file();
        assertThat(dir.resolve("a.xlsx")).doesNotExist();
        assertThat(a).startsWith(dir.resolve("data/intake")).hasFileName("a.xlsx").hasContent("x");
        Path b = folder.take(waiting.get(1)).file();
        // taken but not let go (a kill): the next scan offers them first, in taking order
        assertThat(folder.scan().taken()).containsExactly(a, b);

        InputFolder.Snapshot read = InputFolder.snapshot(a);
        assertThat(folder.release(a, read)).isTrue();
        assertThat(a).doesNotExist();
        assertThat(a.getParent()).doesNotExist();

        InputFolder.Snapshot readB = InputFolder.snapshot(b);
        Files.writeString(b, "x and the rest of a copy that resumed");
        Files.setLastModifiedTime(b, FileTime.from(now.minusSeconds(60)));
        assertThat(folder.release(b, readB)).isFalse();
        assertThat(b).exists();
        assertThat(folder.scan().taken()).containsExactly(b);
    }

    /** input/ on another file system (tmpfs here): copied, forced, checked, renamed, then the source deleted. */
    @Test
    void takesAcrossFileSystems() throws IOException {
        Path shm = Path.of("/dev/shm");
        assumeTrue(Files.isDirectory(shm) && !Files.getFileStore(shm).equals(Files.getFileStore(dir)),
                "no second file system to take from");
        Path input = Files.createTempDirectory(shm, "input");
        try {
            Path f = Files.writeString(input.resolve("直溪镇.xlsx"), "whole workbook");
            Files.setLastModifiedTime(f, FileTime.from(now.minusSeconds(600)));
            PipelineProperties p = new PipelineProperties(input, dir.resolve("out"), dir.resolve("data"), Path.of("jobs"),
                    ZoneId.of("Asia/Shanghai"), 20, "x", "y", Duration.ZERO, "0 0 2 * * *", "financing_amount_ytd", "5m", "08:00-20:00", "027", 7, 0, "local", Duration.ofSeconds(60));
            InputFolder folder = new InputFolder(p, Clock.fixed(now, ZoneId.of("Asia/Shanghai")));
            Path taken = folder.take(folder.scan().waiting().get(0)).file();
            assertThat(taken).startsWith(dir.resolve("data/intake")).hasContent("whole workbook");
            assertThat(f).doesNotExist();
            assertThat(taken.resolveSibling(".part")).doesNotExist();
        } finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(input);
        }
    }

    @Test
    void aFileChangedSinceListedWaits() throws IOException {
        Path f = file("a.xlsx", now.minusSeconds(600));
        InputFolder folder = folder();
        InputFolder.Candidate listed = folder.scan().waiting().get(0);
        Files.writeString(f, "xy");
        Files.setLastModifiedTime(f, FileTime.from(now.minusSeconds(600)));
        InputFolder.Taken taken = folder.take(listed);
        assertThat(taken.file()).isNull();
        assertThat(taken.skipped()).isNull();
        assertThat(f).exists();
    }

    @Test
    void aMissingFolderIsEmpty() {
        PipelineProperties p = new PipelineProperties(dir.resolve("none"), dir, dir, Path.of("jobs"),
                ZoneId.of("Asia/Shanghai"), 20, "x", "y", Duration.ZERO, "0 0 2 * * *", "financing_amount_ytd", "5m", "08:00-20:00", "027", 7, 0, "local", Duration.ofSeconds(60));
        assertThat(new InputFolder(p, Clock.systemUTC()).pendingFiles()).isEmpty();
    }
}
