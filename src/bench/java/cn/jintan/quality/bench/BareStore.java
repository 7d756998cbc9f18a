package cn.jintan.quality.bench;

import cn.jintan.quality.domain.AwardApplication;
import cn.jintan.quality.domain.CreditLevel;
import cn.jintan.quality.domain.Industry;
import cn.jintan.quality.domain.SubmissionSheet;
import cn.jintan.quality.domain.Vocabulary;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import cn.jintan.quality.store.Database;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.stream.Stream;

/**
 * The floor for any pipeline that keeps every row in our database: fastexcel-reader reads the
 * 质量提升 sheet and each row goes straight into quality_row of a fresh database with our schema
 * (our Flyway migrations), 2,000 rows at a time, one transaction, no validation at all. Run by
 * {@link Bench} as {@code BareStore FILE DIR} (an H2 file in DIR, the application's URL settings,
 * JDBC batches) or {@code BareStore FILE DIR JDBC-URL} (an empty PostgreSQL database, user
 * postgres, {@code COPY … FROM STDIN} in text format as the application sends it).
 */
public final class BareStore {

    private static final String COLUMNS = "submission_id, row_no, enterprise_name, uscc, industry, key_enterprise, "
            + "cqo, std_international, std_national, std_industry, std_local, std_group, pilot_national, "
            + "pilot_provincial, award, credit_level, jiangsu_boutique, standard_leader, remark, uscc_cell";

    private BareStore() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Path dir = Files.createDirectories(Path.of(args[1]));
        boolean postgres = args.length > 2;
        String url = postgres ? args[2]
                : "jdbc:h2:file:" + dir.resolve("quality").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
        String user = postgres ? "postgres" : "sa";
        Database database = postgres ? Database.POSTGRESQL : Database.H2;
        Flyway.configure().dataSource(url, user, "").locations(database.migrations()).load().migrate();
        long rows;
        try (Connection db = DriverManager.getConnection(url, user, "");
             ReadableWorkbook wb = new ReadableWorkbook(file.toFile());
             Stream<Row> sheet = wb.findSheet(SubmissionSheet.QUALITY.sheetName()).orElseThrow().openStream()) {
            db.setAutoCommit(false);
            long id;
            try (Statement s = db.createStatement()) {
                s.executeUpdate("INSERT INTO submission (file_name, sha256, status, received_at, run_id) "
                        + "VALUES ('bare', '" + "0".repeat(64) + "', 'ACCEPTED', CURRENT_TIMESTAMP, 'bare')", new String[]{"id"});
                var keys = s.getGeneratedKeys();
                keys.next();
                id = keys.getLong(1);
            }
            rows = postgres ? copy(db, id, sheet) : insert(db, id, sheet);
            db.commit();
        }
        System.out.println("rows=" + rows);
    }

    private static long insert(Connection db, long id, Stream<Row> sheet) throws Exception {
        long rows = 0;
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO quality_row (" + COLUMNS + ") "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Row row : (Iterable<Row>) sheet::iterator) {
                if (row.getRowNum() <= 2) {
                    continue; // title and header rows
                }
                Object[] values = values(id, row);
                for (int i = 0; i < values.length; i++) { // typed setters, as before this method
                    Object v = values[i];
                    if (v instanceof Long l) {
                        insert.setLong(i + 1, l);
                    } else if (v instanceof Integer n) {
                        insert.setInt(i + 1, n);
                    } else if (v instanceof Boolean b) {
                        insert.setBoolean(i + 1, b);
                    } else {
                        insert.setString(i + 1, (String) v);
                    }
                }
                insert.addBatch();
                if (++rows % 2000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        return rows;
    }

    /** COPY in PostgreSQL's text format: tab-separated, \N for NULL, backslash escapes. */
    private static long copy(Connection db, long id, Stream<Row> sheet) throws Exception {
        CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
        String sql = "COPY quality_row (" + COLUMNS + ") FROM STDIN";
        StringBuilder text = new StringBuilder(1 << 20);
        long rows = 0;
        for (Row row : (Iterable<Row>) sheet::iterator) {
            if (row.getRowNum() <= 2) {
                continue;
            }
            Object[] values = values(id, row);
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                Object v = values[i];
                if (v == null) {
                    text.append("\\N");
                } else if (v instanceof Boolean b) {
                    text.append(b ? 't' : 'f');
                } else {
                    for (char c : v.toString().toCharArray()) {
                        switch (c) {
                            case '\\' -> text.append("\\\\");
                            case '\t' -> text.append("\\t");
                            case '\n' -> text.append("\\n");
                            case '\r' -> text.append("\\r");
                            default -> text.append(c);
                        }
                    }
                }
            }
            text.append('\n');
            if (++rows % 2000 == 0) {
                copy.copyIn(sql, new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)));
                text.setLength(0);
            }
        }
        copy.copyIn(sql, new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)));
        return rows;
    }

    /** One row's values in {@link #COLUMNS} order, converted as our reader would. */
    private static Object[] values(long id, Row row) {
        Object[] v = new Object[20];
        v[0] = id;
        v[1] = row.getRowNum();
        v[2] = text(row, 1);
        v[3] = text(row, 2);
        v[4] = Vocabulary.parse(Industry.class, text(row, 3)).orElseThrow().name();
        v[5] = "是".equals(text(row, 4));
        v[6] = "是".equals(text(row, 5));
        for (int c = 6; c <= 12; c++) {
            String n = text(row, c);
            v[c + 1] = n == null ? 0 : (int) Double.parseDouble(n);
        }
        v[14] = Vocabulary.parse(AwardApplication.class, text(row, 13)).orElseThrow().name();
        v[15] = Vocabulary.parse(CreditLevel.class, text(row, 14)).orElseThrow().name();
        v[16] = "是".equals(text(row, 15));
        v[17] = "是".equals(text(row, 16));
        v[18] = text(row, 17);
        v[19] = "C" + row.getRowNum();
        return v;
    }

    private static String text(Row row, int column) {
        Cell cell = column < row.getCellCount() ? row.getCell(column) : null;
        return cell == null || cell.getRawValue() == null ? null : cell.getText();
    }
}
