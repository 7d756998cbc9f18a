package cn.jintan.quality.store;

import cn.jintan.quality.OutputFiles;
import cn.jintan.quality.PipelineProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipOutputStream;

/**
 * An online copy of the database after each completed run: {@code data/backup/quality-RUNID.zip}
 * (what H2's {@code BACKUP TO} writes, consistent while the database is open), the newest {@code qb.backup-keep}
 * kept ({@code backup.keep} in {@code jobs/pipeline.conf}; 0 turns backups off). Restoring one is
 * unzipping it into {@code data/db/} (README). H2 only: a PostgreSQL server is backed up by its
 * administrators, with its own tools.
 */
@Component
public class DatabaseBackup {

    private static final Logger log = LoggerFactory.getLogger(DatabaseBackup.class);
    static final String PREFIX = "quality-";

    private final DataSource dataSource;
    private final Path folder;
    private final int keep;
    private final Database database;

    DatabaseBackup(DataSource dataSource, PipelineProperties properties, Database database) {
        this.dataSource = dataSource;
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
            copy(partial);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            List<Path> backups = backups();
            for (Path old : backups.subList(0, Math.max(0, backups.size() - keep))) {
                Files.delete(old);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot back up the database to " + target, e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot back up the database to " + target, e);
        }
        log.info("Database backed up to {}", target);
        return target;
    }

    /**
     * What {@code BACKUP TO} does (flush, then the store copies its file into the zip while it keeps
     * the pages the copy reads), deflated at the fastest level instead of the default: for a
     * million-row database 6–7 s instead of 22, for a zip about a quarter larger (docs/performance.md).
     */
    private void copy(Path zipFile) throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection();
             ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(zipFile), 1 << 16))) {
            zip.setLevel(Deflater.BEST_SPEED);
            org.h2.engine.Database h2 = ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession()).getDatabase();
            h2.getStore().flush();
            h2.flush();
            synchronized (h2.getLobSyncObject()) {
                h2.getStore().getMvStore().getFileStore().backup(zip);
            }
        }
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
