package cn.jintan.quality.store;

import cn.jintan.quality.OutputFiles;
import cn.jintan.quality.PipelineProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * An online copy of the database after each completed run: {@code data/backup/quality-RUNID.zip}
 * (H2's {@code BACKUP TO}, consistent while the database is open), the newest {@code qb.backup-keep}
 * kept ({@code backup.keep} in {@code jobs/pipeline.conf}; 0 turns backups off). Restoring one is
 * unzipping it into {@code data/db/} (README). H2 only: a PostgreSQL server is backed up by its
 * administrators, with its own tools.
 */
@Component
public class DatabaseBackup {

    private static final Logger log = LoggerFactory.getLogger(DatabaseBackup.class);
    static final String PREFIX = "quality-";

    private final JdbcClient jdbc;
    private final Path folder;
    private final int keep;
    private final Database database;

    DatabaseBackup(JdbcClient jdbc, PipelineProperties properties, Database database) {
        this.jdbc = jdbc;
        this.folder = properties.data().toAbsolutePath().normalize().resolve("backup");
        this.keep = properties.backupKeep();
        this.database = database;
    }

    /**
     * Backs the database up as {@code quality-NAME.zip} (written whole, then renamed) and drops the
     * oldest beyond the kept number; null when none is made (none kept, or PostgreSQL).
     */
    public Path backUp(String name) {
        if (database == Database.POSTGRESQL) {
            log.info("No backup file: the database is a PostgreSQL server, backed up with its own tools (pg_dump)");
            return null;
        }
        if (keep <= 0) {
            return null;
        }
        Path target = folder.resolve(PREFIX + name + ".zip");
        Path partial = folder.resolve(PREFIX + name + ".zip.part");
        try {
            OutputFiles.createDirectories(folder);
            Files.deleteIfExists(partial);
            jdbc.sql("BACKUP TO '" + partial.toString().replace("'", "''") + "'").update();
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            List<Path> backups = backups();
            for (Path old : backups.subList(0, Math.max(0, backups.size() - keep))) {
                Files.delete(old);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot back up the database to " + target, e);
        }
        log.info("Database backed up to {}", target);
        return target;
    }

    /** The backups, oldest first (names carry the run id, a timestamp). */
    List<Path> backups() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith(PREFIX) && f.getFileName().toString().endsWith(".zip"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path folder() {
        return folder;
    }
}
