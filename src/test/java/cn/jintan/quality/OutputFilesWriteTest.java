package cn.jintan.quality;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutputFilesWriteTest {

    @TempDir
    Path dir;

    @Test
    void aWriterThatClosesItsStreamStillGivesAWholeFile() throws IOException {
        Path file = dir.resolve("sub/zipped.zip");
        OutputFiles.write(file, out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) { // closes out, as POI's writers may
                zip.putNextEntry(new ZipEntry("a.txt"));
                zip.write("hello".getBytes(StandardCharsets.UTF_8));
            }
        });
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertThat(new String(zip.getInputStream(zip.getEntry("a.txt")).readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
        }
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoPartialOne() throws IOException {
        Path file = Files.writeString(dir.resolve("briefing.pdf"), "old");
        assertThatThrownBy(() -> OutputFiles.write(file, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).isInstanceOf(UncheckedIOException.class);
        assertThat(file).hasContent("old");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }
}
