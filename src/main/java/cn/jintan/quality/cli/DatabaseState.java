package cn.jintan.quality.cli;

import cn.jintan.quality.intake.ReceivedLog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What is in {@code data/} before the pipeline opens the database: the history the archive holds and
 * whether the database still holds it. Checked on a plain JDBC connection that never creates a
 * database ({@code IFEXISTS}), so a lost one is reported instead of silently replaced by an empty one.
 */
record DatabaseState(Kind kind, long submissions, String problem, Path file) {

    /** Never creates a database, never writes to one: a damaged file is kept as found. */
    private static final String READ_ONLY = ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r";

    enum Kind {
        /** No database file. */
        ABSENT,
        /**
         * A file of no bytes, or a database without the ledger table, no ledger lines and no runs
         * (H2 opens some damaged files at an old state, before any table existed).
         */
        EMPTY,
        /** H2 cannot open it (its message in {@code problem}). */
        DAMAGED,
        /** Another process holds it: the command says so as usual. */
        IN_USE,
        /** Runs but no ledger lines yet (a first run killed before its first file committed). */
        STARTED,
        /** Ledger lines: the history is there. */
        HISTORY
    }

    /** The database's path without H2's {@code .mv.db}, as in the JDBC URL. */
    static Path base(Path data) {
        return data.toAbsolutePath().normalize().resolve("db").resolve("quality");
    }

    static DatabaseState inspect(Path data) {
        Path base = base(data);
        Path file = base.resolveSibling("quality.mv.db");
        if (!Files.exists(file)) {
            return new DatabaseState(Kind.ABSENT, 0, null, file);
        }
        try {
            if (Files.size(file) == 0) {
                return new DatabaseState(Kind.EMPTY, 0, null, file);
            }
        } catch (IOException e) {
            return new DatabaseState(Kind.DAMAGED, 0, e.toString(), file);
        }
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + base + READ_ONLY, "sa", "");
             Statement s = c.createStatement()) {
            if (!table(s, "SUBMISSION")) {
                return new DatabaseState(Kind.EMPTY, 0, null, file);
            }
            long submissions = count(s, "SELECT COUNT(*) FROM submission");
            if (submissions > 0) {
                return new DatabaseState(Kind.HISTORY, submissions, null, file);
            }
            boolean runs = table(s, "BATCH_JOB_EXECUTION") && count(s, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION") > 0;
            return new DatabaseState(runs ? Kind.STARTED : Kind.EMPTY, 0, null, file);
        } catch (SQLException e) {
            if (e.getErrorCode() == 90020) { // DATABASE_ALREADY_OPEN: locked by another process
                return new DatabaseState(Kind.IN_USE, 0, null, file);
            }
            return new DatabaseState(Kind.DAMAGED, 0, firstLine(e.getMessage()), file);
        } catch (RuntimeException e) {
            // H2's MVStore reports some damage as unchecked exceptions
            return new DatabaseState(Kind.DAMAGED, 0, firstLine(String.valueOf(e.getMessage())), file);
        }
    }

    /**
     * True when the archive holds files ({@code archived}, counted by the caller) the database does not know of: the database is absent,
     * empty or damaged, or the received log lists a run the database never saw (every run is in the
     * database before it takes its first file: an older backup restored, or a file H2 opened at an
     * old state).
     */
    boolean lostHistory(Path data, long archived) {
        return switch (kind) {
            case ABSENT, EMPTY, DAMAGED -> archived > 0;
            case STARTED, HISTORY -> !unknownRuns(data).isEmpty();
            case IN_USE -> false;
        };
    }

    /**
     * Reads every row of every table (read-only): null when all reads, else H2's complaint. H2 opens
     * some damaged files at an older, readable state, or finds the damage only on the pages it reads.
     */
    String unreadable() {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + file.resolveSibling("quality") + READ_ONLY, "sa", "");
             Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int col = 1; col <= columns; col++) {
                            rs.getObject(col);
                        }
                    }
                }
            }
            return null;
        } catch (SQLException | RuntimeException e) {
            return firstLine(String.valueOf(e.getMessage()));
        }
    }

    /** Runs of the received log the database knows nothing of (neither ledger lines nor the run itself). */
    Set<String> unknownRuns(Path data) {
        Set<String> unknown = new java.util.TreeSet<>(receivedRunIds(data));
        if (!unknown.isEmpty()) {
            unknown.removeAll(runIds());
        }
        return unknown;
    }

    /** Originals kept in {@code data/archive/} (the received log itself not counted). */
    static long archivedFiles(Path data) {
        Path archive = data.resolve("archive");
        if (!Files.isDirectory(archive)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(archive, 2)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().equals(ReceivedLog.FILE_NAME))
                    .filter(f -> !f.getFileName().toString().endsWith(".part"))
                    .count();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + archive, e);
        }
    }

    private static Set<String> receivedRunIds(Path data) {
        Set<String> ids = new HashSet<>();
        new ReceivedLog(data.resolve("archive")).entries().forEach(e -> ids.add(e.runId()));
        return ids;
    }

    private Set<String> runIds() {
        Set<String> ids = new HashSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + file.resolveSibling("quality")
                + READ_ONLY, "sa", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT DISTINCT run_id FROM submission UNION "
                     + "SELECT PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS WHERE PARAMETER_NAME = 'run.id'")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        } catch (SQLException e) {
            // unreadable now: nothing known, so any run in the log is unknown
        }
        return ids;
    }

    private static boolean table(Statement s, String name) throws SQLException {
        return count(s, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = '"
                + name + "'") > 0;
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        // H2's "Possible solution: use the recovery tool" is not ours to give: a backup or rebuild is
        return (nl < 0 ? message : message.substring(0, nl)).replaceAll("\\. Possible solution:[^\\[]*", " ").strip();
    }
}
