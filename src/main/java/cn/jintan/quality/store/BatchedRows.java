package cn.jintan.quality.store;

import cn.jintan.quality.domain.Column;
import cn.jintan.quality.domain.SubmissionSheet;
import cn.jintan.quality.validation.ParsedRow;
import cn.jintan.quality.validation.RowSink;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Writes valid rows to their sheet's table in JDBC batches while the file is still being read, so
 * a million-row sheet never sits in the heap. Runs inside the caller's transaction: a rejected
 * file's rows are deleted (or rolled back) before it commits.
 */
final class BatchedRows implements RowSink {

    // large enough to amortise the round trip, small enough to stay a few hundred KB
    static final int BATCH = 2000;

    private final JdbcTemplate template;
    private final long submissionId;
    private final Map<SubmissionSheet, Table> tables = new EnumMap<>(SubmissionSheet.class);
    private long written;

    BatchedRows(JdbcTemplate template, long submissionId) {
        this.template = template;
        this.submissionId = submissionId;
    }

    @Override
    public void accept(ParsedRow row) {
        Table table = tables.computeIfAbsent(row.sheet(), Table::new);
        table.add(row);
        if (table.batch.size() == BATCH) {
            table.flush();
        }
    }

    /** Sends what is still buffered. */
    void flush() {
        tables.values().forEach(Table::flush);
    }

    /** Rows handed to the database so far (flushed or not). */
    long written() {
        return written;
    }

    private final class Table {
        private final String sql;
        private final int fields;
        private final boolean hasUscc;
        private final List<Object[]> batch = new ArrayList<>(BATCH);

        Table(SubmissionSheet sheet) {
            List<String> names = sheet.columns().stream().map(Column::field).toList();
            fields = names.size();
            hasUscc = names.contains("uscc");
            sql = "INSERT INTO " + sheet.table() + " (submission_id, row_no, " + String.join(", ", names)
                    + (hasUscc ? ", uscc_cell" : "") + ") VALUES (?, ?" + ", ?".repeat(fields)
                    + (hasUscc ? ", ?" : "") + ")";
        }

        void add(ParsedRow row) {
            Object[] args = new Object[fields + (hasUscc ? 3 : 2)];
            args[0] = submissionId;
            args[1] = row.rowNumber();
            System.arraycopy(row.values(), 0, args, 2, fields);
            if (hasUscc) {
                args[args.length - 1] = row.cell("uscc");
            }
            batch.add(args);
            written++;
        }

        void flush() {
            if (!batch.isEmpty()) {
                template.batchUpdate(sql, batch);
                batch.clear();
            }
        }
    }
}
