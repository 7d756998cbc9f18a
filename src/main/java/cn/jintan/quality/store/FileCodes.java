package cn.jintan.quality.store;

import cn.jintan.quality.domain.PackedCode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * The enterprise codes (USCC) of one file's 质量提升 rows, gathered while it streams in and
 * written to {@code quality_code} once it is accepted, sorted: the table's key is (submission_id,
 * uscc), so a file's codes append to the end of its index instead of landing on random pages of a
 * uscc index over every row ever stored, which cost H2 most of the time of a million-row file
 * (docs/performance.md). A code is 18 ASCII characters, packed 7 bits a character into two longs
 * (same order as the string): 20 bytes a row on the heap.
 */
final class FileCodes {

    static final String INSERT = "INSERT INTO quality_code (submission_id, uscc, row_no) VALUES (?, ?, ?)";
    private static final int LENGTH = 18;

    private long[] high = new long[1024];
    private long[] low = new long[1024];
    private int[] rows = new int[1024];
    private int size;

    /** Adds the code of row {@code row}; a valid row's code is a USCC, anything else is a bug. */
    void add(String uscc, int row) {
        if (uscc.length() != LENGTH || !uscc.chars().allMatch(c -> c > 0 && c < 128)) {
            throw new IllegalStateException("not a validated USCC in row " + row + ": " + uscc);
        }
        if (size == rows.length) {
            high = Arrays.copyOf(high, size * 2);
            low = Arrays.copyOf(low, size * 2);
            rows = Arrays.copyOf(rows, size * 2);
        }
        high[size] = PackedCode.pack(uscc, 0);
        low[size] = PackedCode.pack(uscc, PackedCode.PER_LONG);
        rows[size++] = row;
    }

    int size() {
        return size;
    }

    /** Sorts the codes (a file repeats none: row.duplicate rejects it). */
    void sort() {
        sort(0, size - 1);
    }

    /** Inserts codes {@code from} (inclusive) to {@code to} (exclusive), in sorted order, as one JDBC batch. */
    void insert(PreparedStatement statement, long submissionId, int from, int to) throws SQLException {
        for (int i = from; i < to; i++) {
            statement.setLong(1, submissionId);
            statement.setString(2, PackedCode.unpack(high[i]) + PackedCode.unpack(low[i]));
            statement.setInt(3, rows[i]);
            statement.addBatch();
        }
        statement.executeBatch();
    }

    /** The same codes through PostgreSQL's COPY ({@link CopyText}). */
    void copy(Connection connection, long submissionId, int from, int to) throws SQLException {
        CopyText text = new CopyText();
        for (int i = from; i < to; i++) {
            text.value(submissionId).value(PackedCode.unpack(high[i]) + PackedCode.unpack(low[i])).value(rows[i]).endRow();
        }
        text.send(connection, "COPY quality_code (submission_id, uscc, row_no) FROM STDIN");
    }

    static PreparedStatement prepare(Connection connection) throws SQLException {
        return connection.prepareStatement(INSERT);
    }

    // quicksort of the three arrays by (high, low); insertion sort below 16
    private void sort(int lo, int hi) {
        while (hi - lo > 16) {
            int mid = (lo + hi) >>> 1;
            long ph = high[mid];
            long pl = low[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (less(high[i], low[i], ph, pl)) {
                    i++;
                }
                while (less(ph, pl, high[j], low[j])) {
                    j--;
                }
                if (i <= j) {
                    swap(i++, j--);
                }
            }
            if (j - lo < hi - i) { // recurse into the smaller side: the stack stays O(log n)
                sort(lo, j);
                lo = i;
            } else {
                sort(i, hi);
                hi = j;
            }
        }
        for (int i = lo + 1; i <= hi; i++) {
            for (int j = i; j > lo && less(high[j], low[j], high[j - 1], low[j - 1]); j--) {
                swap(j, j - 1);
            }
        }
    }

    private static boolean less(long h1, long l1, long h2, long l2) {
        return h1 < h2 || h1 == h2 && l1 < l2;
    }

    private void swap(int i, int j) {
        long h = high[i];
        high[i] = high[j];
        high[j] = h;
        long l = low[i];
        low[i] = low[j];
        low[j] = l;
        int r = rows[i];
        rows[i] = rows[j];
        rows[j] = r;
    }
}
