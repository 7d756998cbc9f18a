package cn.jintan.quality.store;

import cn.jintan.quality.domain.SubmissionSheet;
import cn.jintan.quality.validation.ParsedRow;
import cn.jintan.quality.validation.RowSink;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.support.SQLExceptionTranslator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Writes valid rows to their sheet's table in JDBC batches while the file is still being read, so
 * a million-row sheet never sits in the heap. The batches run on a {@link BatchWriter} thread, on
 * the caller's transaction's connection: a rejected file's rows are deleted (or rolled back)
 * before it commits, and the caller must {@link #finish} or {@link #close} before it uses the
 * connection again. An accepted file's 质量提升 codes follow its rows, sorted ({@link FileCodes}).
 */
final class BatchedRows implements RowSink, AutoCloseable {

    // large enough to amortise the round trip, small enough to stay a few hundred KB
    static final int BATCH = 2000;

    private final Connection connection;
    private final long submissionId;
    private final SQLExceptionTranslator translator;
    private final boolean copy;
    private final BatchWriter writer = new BatchWriter();
    private final Map<SubmissionSheet, Table> tables = new EnumMap<>(SubmissionSheet.class);
    private final FileCodes codes = new FileCodes();
    private PreparedStatement codeInsert; // the writer's
    private long written;

    /** @param copy send the rows with PostgreSQL's COPY rather than JDBC batches */
    BatchedRows(Connection connection, long submissionId, SQLExceptionTranslator translator, boolean copy) {
        this.connection = connection;
        this.copy = copy;
        this.submissionId = submissionId;
        this.translator = translator;
    }

    @Override
    public void accept(ParsedRow row) {
        throwFailure(); // stops reading a file whose rows can no longer be stored
        Table table = tables.computeIfAbsent(row.sheet(), Table::new);
        table.rows.add(row);
        if (row.sheet() == SubmissionSheet.QUALITY) {
            codes.add((String) row.value("uscc"), row.rowNumber());
        }
        written++;
        if (table.rows.size() == BATCH) {
            table.send();
        }
    }

    /**
     * Sends what is still buffered ({@code keep}) or drops it, waits for the writer, then throws
     * the first database error of any batch: the validator reports an exception out of its sink as
     * an unreadable file, but a failed insert must fail the transaction, not reject the file.
     */
    void finish(boolean keep) {
        if (keep) {
            tables.values().forEach(Table::send);
            codes.sort(); // while the writer stores the last rows
            for (int from = 0; from < codes.size(); from += BATCH) {
                int batchFrom = from;
                int batchTo = Math.min(codes.size(), from + BATCH);
                writer.submit(() -> storeCodes(batchFrom, batchTo));
            }
        }
        writer.drain();
        throwFailure();
    }

    private void storeCodes(int from, int to) {
        try {
            if (copy) {
                codes.copy(connection, submissionId, from, to);
                return;
            }
            if (codeInsert == null) {
                codeInsert = FileCodes.prepare(connection);
            }
            codes.insert(codeInsert, submissionId, from, to);
        } catch (SQLException e) {
            throw translate(FileCodes.INSERT, e);
        }
    }

    private RuntimeException translate(String sql, SQLException e) {
        RuntimeException translated = translator.translate("batch insert", sql, e);
        return translated != null ? translated : new UncategorizedSQLException("batch insert", sql, e);
    }

    /** Rows handed to the database so far (flushed or not). */
    long written() {
        return written;
    }

    /** Waits for the writer (also when the reader failed: the caller rolls back next) and closes the statements. */
    @Override
    public void close() {
        writer.close();
        for (Table table : tables.values()) {
            closeQuietly(table.insert);
        }
        closeQuietly(codeInsert);
    }

    private static void closeQuietly(AutoCloseable statement) {
        try {
            if (statement != null) {
                statement.close();
            }
        } catch (Exception e) {
            // the transaction's outcome does not depend on a statement's close
        }
    }

    private void throwFailure() {
        Throwable failure = writer.failure();
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }

    private final class Table {
        private final RowInsert insert;
        private List<ParsedRow> rows = new ArrayList<>(BATCH);

        Table(SubmissionSheet sheet) {
            insert = new RowInsert(sheet);
        }

        void send() {
            if (rows.isEmpty()) {
                return;
            }
            List<ParsedRow> batch = rows;
            rows = new ArrayList<>(BATCH);
            writer.submit(() -> {
                try {
                    if (copy) {
                        insert.copy(connection, submissionId, batch);
                    } else {
                        insert.execute(connection, submissionId, batch);
                    }
                } catch (SQLException e) {
                    throw translate(insert.sql(), e);
                }
            });
        }
    }
}
