package cn.jintan.quality.cli;

import cn.jintan.quality.OutputFiles;
import cn.jintan.quality.job.ArchiveReplay;
import cn.jintan.quality.messages.Messages;
import cn.jintan.quality.store.Database;
import cn.jintan.quality.store.DatabaseBackup;
import cn.jintan.quality.store.SubmissionStatus;
import cn.jintan.quality.store.SubmissionStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code rebuild}: a database lost (missing, emptied, damaged) is built again from {@code data/archive/}.
 * Refuses a database that holds history; any other H2 file is moved aside (never deleted) first, a
 * PostgreSQL database must be empty.
 */
@Command(name = "rebuild", header = "${bundle:cli.usage.rebuild}")
final class RebuildCommand implements Callable<Integer> {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    @Mixin
    Folders folders;


    @Override
    public Integer call() {
        Messages m = Messages.catalogue();
        Path data = Pipeline.dataFolder(folders).toAbsolutePath().normalize();
        if (Pipeline.database(folders) == Database.POSTGRESQL) {
            if (DatabaseState.archivedFiles(data) == 0) {
                System.err.println(m.get("cli.error.rebuild.empty", data.resolve("archive")));
                return Main.FAILED;
            }
            return replay(m, true);
        }
        DatabaseState state = DatabaseState.inspect(data);
        // a database with history is refused unless it lacks runs the archive lists or cannot be read through
        if (state.kind() == DatabaseState.Kind.HISTORY && state.unknownRuns(data).isEmpty() && state.unreadable() == null) {
            System.err.println(m.get("cli.error.rebuild.history", state.file(), state.submissions()));
            return Main.FAILED;
        }
        if (state.kind() == DatabaseState.Kind.IN_USE) {
            System.err.println(m.get("cli.error.locked"));
            return Main.FAILED;
        }
        if (DatabaseState.archivedFiles(data) == 0) {
            System.err.println(m.get("cli.error.rebuild.empty", data.resolve("archive")));
            return Main.FAILED;
        }
        String stamp = LocalDateTime.now().format(STAMP);
        if (state.kind() != DatabaseState.Kind.ABSENT) {
            Path aside = moveAside(state.file().getParent(), data.resolve("db-set-aside-" + stamp));
            System.out.println(m.get("cli.rebuild.moved", aside));
        }
        return replay(m, false);
    }

    /**
     * Replays the archive into the database. A PostgreSQL {@code server} cannot be moved aside like
     * the H2 file: it is refused unless it holds no submission (its administrator empties or replaces it).
     */
    private int replay(Messages m, boolean server) {
        try (Pipeline pipeline = Pipeline.start(folders, false)) {
            long held = server ? pipeline.context().getBean(SubmissionStore.class).count() : 0;
            if (held > 0) {
                System.err.println(m.get("cli.error.rebuild.server", held));
                return Main.FAILED;
            }
            ArchiveReplay.Result result = pipeline.context().getBean(ArchiveReplay.class).replay();
            // named like the runs' backups (run ids: the pipeline's zone), so rotation keeps the newest
            String name = LocalDateTime.now(pipeline.context().getBean(java.time.Clock.class)).format(STAMP);
            Path backup = pipeline.context().getBean(DatabaseBackup.class).backUp(name);
            System.out.println(m.get("cli.rebuild.done", result.files(), count(result, SubmissionStatus.ACCEPTED),
                    count(result, SubmissionStatus.REJECTED), count(result, SubmissionStatus.DUPLICATE),
                    count(result, SubmissionStatus.SUPERSEDED), count(result, SubmissionStatus.QUARANTINED),
                    result.periods(), backup == null ? "-" : backup));
            if (result.unlogged() > 0) {
                System.out.println(m.get("cli.rebuild.unlogged", result.unlogged()));
            }
            if (!result.missing().isEmpty()) {
                System.err.println(m.get("cli.error.rebuild.missing", result.missing().size(), String.join(", ", result.missing())));
                return Main.FAILED;
            }
            return Main.OK;
        }
    }

    private static int count(ArchiveReplay.Result result, SubmissionStatus status) {
        return result.statuses().getOrDefault(status, 0);
    }

    /** Moves every file of the database ({@code quality.*}) into {@code aside}: kept for whoever wants to look at it. */
    private static Path moveAside(Path db, Path aside) {
        try (Stream<Path> files = Files.list(db)) {
            List<Path> own = files.filter(f -> f.getFileName().toString().startsWith("quality.")).toList();
            OutputFiles.createDirectories(aside);
            for (Path f : own) {
                Files.move(f, aside.resolve(f.getFileName()));
            }
            return aside;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the database aside to " + aside, e);
        }
    }
}
