package cn.jintan.quality.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/** The ledger of an H2 database, to compare a rebuilt or restored one with the one it stands for. */
public final class Ledger {

    private Ledger() {
    }

    /** The ledger of the H2 file {@code base} ({@code data/db/quality}: without {@code .mv.db}), which must exist. */
    public static Map<String, String> of(Path base) throws SQLException {
        return of(DriverManager.getConnection("jdbc:h2:file:" + base.toAbsolutePath() + ";IFEXISTS=TRUE", "sa", ""));
    }

    /**
     * Every ledger line by id (names, times, runs, versions, statuses, links) with its issues, rows and
     * tally; the archived copy's path left out. Closes {@code connection}.
     */
    public static Map<String, String> of(Connection connection) throws SQLException {
        try (connection; Statement s = connection.createStatement()) {
            Map<String, String> lines = new TreeMap<>();
            try (ResultSet rs = s.executeQuery("SELECT s.*, (SELECT COUNT(*) FROM submission_issue i WHERE i.submission_id = s.id) "
                    + "issues, (SELECT COUNT(*) FROM quality_row q WHERE q.submission_id = s.id) quality_rows, "
                    + "(SELECT LISTAGG(figure || '=' || tally_value, ';') WITHIN GROUP (ORDER BY figure) FROM submission_tally t "
                    + "WHERE t.submission_id = s.id) tally FROM submission s ORDER BY id")) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    StringBuilder line = new StringBuilder();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        if (!meta.getColumnLabel(c).equalsIgnoreCase("archive_path")) {
                            line.append(meta.getColumnLabel(c)).append('=').append(rs.getString(c)).append(' ');
                        }
                    }
                    lines.put(rs.getString("id"), line.toString());
                }
            }
            return lines;
        }
    }
}
