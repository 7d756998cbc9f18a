package cn.jintan.quality.bench;

import cn.jintan.quality.domain.AwardApplication;
import cn.jintan.quality.domain.CreditLevel;
import cn.jintan.quality.domain.Industry;
import cn.jintan.quality.domain.SubmissionSheet;
import cn.jintan.quality.domain.Vocabulary;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.flywaydb.core.Flyway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.stream.Stream;

/**
 * The floor for any pipeline that keeps every row in our database: fastexcel-reader reads the
 * 质量提升 sheet and each row goes straight into quality_row of a fresh H2 file database with our
 * schema (our Flyway migrations, the same URL settings as the application), JDBC batches of
 * 2,000, one transaction, no validation at all. Run by {@link Bench} as {@code BareStore FILE DIR}.
 */
public final class BareStore {

    private BareStore() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Path dir = Files.createDirectories(Path.of(args[1]));
        String url = "jdbc:h2:file:" + dir.resolve("quality").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
        Flyway.configure().dataSource(url, "sa", "").locations(cn.jintan.quality.store.Database.H2.migrations()).load().migrate();
        long rows = 0;
        try (Connection db = DriverManager.getConnection(url, "sa", "");
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
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO quality_row (submission_id, row_no, "
                    + "enterprise_name, uscc, industry, key_enterprise, cqo, std_international, std_national, std_industry, "
                    + "std_local, std_group, pilot_national, pilot_provincial, award, credit_level, jiangsu_boutique, "
                    + "standard_leader, remark, uscc_cell) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Row row : (Iterable<Row>) sheet::iterator) {
                    if (row.getRowNum() <= 2) {
                        continue; // title and header rows
                    }
                    insert.setLong(1, id);
                    insert.setInt(2, row.getRowNum());
                    insert.setString(3, text(row, 1));
                    insert.setString(4, text(row, 2));
                    insert.setString(5, Vocabulary.parse(Industry.class, text(row, 3)).orElseThrow().name());
                    insert.setBoolean(6, "是".equals(text(row, 4)));
                    insert.setBoolean(7, "是".equals(text(row, 5)));
                    for (int c = 6; c <= 12; c++) {
                        String n = text(row, c);
                        insert.setInt(c + 2, n == null ? 0 : (int) Double.parseDouble(n));
                    }
                    insert.setString(15, Vocabulary.parse(AwardApplication.class, text(row, 13)).orElseThrow().name());
                    insert.setString(16, Vocabulary.parse(CreditLevel.class, text(row, 14)).orElseThrow().name());
                    insert.setBoolean(17, "是".equals(text(row, 15)));
                    insert.setBoolean(18, "是".equals(text(row, 16)));
                    insert.setString(19, text(row, 17));
                    insert.setString(20, "C" + row.getRowNum());
                    insert.addBatch();
                    if (++rows % 2000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            db.commit();
        }
        System.out.println("rows=" + rows);
    }

    private static String text(Row row, int column) {
        Cell cell = column < row.getCellCount() ? row.getCell(column) : null;
        return cell == null || cell.getRawValue() == null ? null : cell.getText();
    }
}
