package cn.jintan.quality.testing;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.stream.Stream;

/** Files and tables of a pipeline installation, for tests that run the real job (see {@link PipelineTest}). */
public final class Installation {

    private Installation() {
    }

    /** The repository's own {@code jobs/}. */
    public static Path repositoryJobs() {
        return Path.of("jobs").toAbsolutePath();
    }

    /** Drops a workbook into {@code input/} as a file staff finished copying a while ago. */
    public static Path drop(Path root, TestWorkbook workbook, String name) {
        return settle(workbook.write(input(root).resolve(name)));
    }

    /** Ages a file's modification time so intake takes it (files changed in the last seconds wait). */
    public static Path settle(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path input(Path root) {
        try {
            return Files.createDirectories(root.resolve("input"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Forgets every submission, so tests sharing one Spring context start from nothing. */
    public static void emptyDatabase(JdbcClient jdbc) {
        Stream.of("receipt_mail", "pending_period", "submission_fault", "submission_issue", "submission_tally", "submission_industry", "quality_row", "financing_row", "fee_row").forEach(t -> jdbc.sql("DELETE FROM " + t).update());
        jdbc.sql("UPDATE submission SET duplicate_of = NULL, superseded_by = NULL").update();
        jdbc.sql("DELETE FROM submission").update();
    }
}
