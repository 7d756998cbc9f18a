package cn.jintan.quality.store;

import cn.jintan.quality.domain.SubmissionSheet;
import cn.jintan.quality.domain.Uscc;
import cn.jintan.quality.validation.ParsedRow;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Inserts N 质量提升 rows into a fresh H2 file database in one transaction, as
 * {@link SubmissionStore#record} does, and prints the inserting thread's CPU time for the inserts
 * and for the commit (thread CPU time is steadier than wall time on a shared machine). No
 * workbook, no validation: only the database's share. Run one configuration per JVM:
 * <pre>java -Xmx256m -cp target/classes:CLASSPATH cn.jintan.quality.store.InsertBench EMPTY-DIR template|typed ROWS BATCH ascending|shuffled [URL-SUFFIX]</pre>
 * {@code template} binds as JdbcTemplate.batchUpdate did, {@code typed} with {@link RowInsert};
 * {@code ascending} USCCs are the bench file's order, {@code shuffled} a real file's.
 */
public final class InsertBench {

    private static final String[] INDUSTRIES = {"NEW_ENERGY_VEHICLES", "MOBILE_COMMUNICATION", "BIOTECH_MEDICINE", "OTHER"};

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        boolean typed = args[1].equals("typed");
        int rows = Integer.parseInt(args[2]);
        int batch = Integer.parseInt(args[3]);
        boolean shuffled = args[4].equals("shuffled");
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0" + (args.length > 5 ? args[5] : "");
        Flyway.configure().dataSource(url, "sa", "").locations(cn.jintan.quality.store.Database.H2.migrations()).load().migrate();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); RowInsert insert = new RowInsert(SubmissionSheet.QUALITY)) {
            c.setAutoCommit(false);
            long id = submission(c);
            Random random = new Random(rows);
            int[] order = order(rows, shuffled, random);
            int[] columns = new int[SubmissionSheet.QUALITY.columns().size()];
            for (int i = 0; i < columns.length; i++) {
                columns[i] = i + 1;
            }
            JdbcTemplate template = new JdbcTemplate(new SingleConnectionDataSource(c, true));
            List<ParsedRow> pending = new ArrayList<>(batch);
            long making = 0;
            long start = threads.getCurrentThreadCpuTime();
            for (int r = 0; r < rows; r++) {
                long t = threads.getCurrentThreadCpuTime();
                pending.add(new ParsedRow(SubmissionSheet.QUALITY, r + 3, values(random, order[r]), columns));
                making += threads.getCurrentThreadCpuTime() - t;
                if (pending.size() == batch || r == rows - 1) {
                    if (typed) {
                        insert.execute(c, id, pending);
                    } else {
                        template.batchUpdate(insert.sql(), pending.stream().map(p -> templateArgs(id, p)).toList());
                    }
                    pending.clear();
                }
            }
            long inserted = threads.getCurrentThreadCpuTime();
            c.commit();
            long committed = threads.getCurrentThreadCpuTime();
            long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
            System.out.printf("%s batch %d %s %s: insert CPU %.2f s, commit CPU %.2f s, process CPU %.2f s%n", args[1], batch,
                    args[4], args.length > 5 ? args[5] : "", (inserted - start - making) / 1e9, (committed - inserted) / 1e9, process / 1e9);
        }
    }

    private static long submission(Connection c) throws Exception {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO submission (file_name, sha256, status, received_at, run_id) VALUES ('bench.xlsx', '"
                    + "0".repeat(64) + "', 'REJECTED', CURRENT_TIMESTAMP, 'bench')", Statement.RETURN_GENERATED_KEYS);
            ResultSet key = s.getGeneratedKeys();
            key.next();
            return key.getLong(1);
        }
    }

    private static int[] order(int rows, boolean shuffled, Random random) {
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        for (int i = rows - 1; shuffled && i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private static Object[] values(Random random, int code) {
        return new Object[]{"常州" + (char) ('甲' + random.nextInt(200)) + (char) ('乙' + random.nextInt(200)) + "机械制造有限公司",
                uscc(code), INDUSTRIES[random.nextInt(INDUSTRIES.length)], random.nextInt(5) == 0, random.nextInt(4) == 0,
                random.nextInt(3), random.nextInt(3), 0, 0, random.nextInt(2), 0, 0, "NONE", "NONE", random.nextInt(10) == 0,
                false, random.nextInt(50) == 0 ? "已核实" : null};
    }

    /** The arguments BatchedRows gave JdbcTemplate before RowInsert. */
    private static Object[] templateArgs(long id, ParsedRow row) {
        Object[] args = new Object[row.values().length + 3];
        args[0] = id;
        args[1] = row.rowNumber();
        System.arraycopy(row.values(), 0, args, 2, row.values().length);
        args[args.length - 1] = row.cell("uscc");
        return args;
    }

    /** As the bench workbook's codes: 91320482 + the number in base 31, completed by its check character. */
    private static String uscc(int n) {
        StringBuilder org = new StringBuilder();
        for (int i = 0, v = n; i < 9; i++, v /= Uscc.ALPHABET.length()) {
            org.append(Uscc.ALPHABET.charAt(v % Uscc.ALPHABET.length()));
        }
        return Uscc.complete("91320482" + org.reverse());
    }
}
