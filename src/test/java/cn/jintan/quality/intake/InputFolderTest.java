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

import static org.assertj.core.api.Assertions.assertThat;

class InputFolderTest {

    @TempDir
    Path dir;

    private final Instant now = Instant.parse("2020-12-01T18:00:00Z");

    private InputFolder folder() {
        PipelineProperties p = new PipelineProperties(dir, dir.resolve("out"), dir.resolve("data"), Path.of("jobs"),
                ZoneId.of("Asia/Shanghai"), 20, "x", "y", Duration.ZERO, "0 0 2 * * *", "financing_amount_ytd");
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
    void aMissingFolderIsEmpty() {
        PipelineProperties p = new PipelineProperties(dir.resolve("none"), dir, dir, Path.of("jobs"),
                ZoneId.of("Asia/Shanghai"), 20, "x", "y", Duration.ZERO, "0 0 2 * * *", "financing_amount_ytd");
        assertThat(new InputFolder(p, Clock.systemUTC()).pendingFiles()).isEmpty();
    }
}
