package cn.jintan.quality.store;

import cn.jintan.quality.domain.Column;
import cn.jintan.quality.domain.SubmissionSheet;
import cn.jintan.quality.validation.ParsedRow;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * The INSERT of one sheet's rows, bound with the setter of each column's type: JdbcTemplate's
 * per-parameter type inspection and setObject cost ~15 % more CPU per inserted row.
 */
final class RowInsert implements AutoCloseable {

    private final String sql;
    private final String copy;
    private final List<Column> columns;
    private final int usccIndex;
    private PreparedStatement statement;

    RowInsert(SubmissionSheet sheet) {
        columns = sheet.columns();
        List<String> names = columns.stream().map(Column::field).toList();
        usccIndex = names.indexOf("uscc");
        boolean hasUscc = usccIndex >= 0;
        String into = sheet.table() + " (submission_id, row_no, " + String.join(", ", names) + (hasUscc ? ", uscc_cell" : "") + ")";
        sql = "INSERT INTO " + into + " VALUES (?, ?" + ", ?".repeat(names.size()) + (hasUscc ? ", ?" : "") + ")";
        copy = "COPY " + into + " FROM STDIN";
    }

    String sql() {
        return sql;
    }

    /** Inserts {@code rows} as one JDBC batch on {@code connection} (the statement is kept for the next). */
    void execute(Connection connection, long submissionId, List<ParsedRow> rows) throws SQLException {
        if (statement == null) {
            statement = connection.prepareStatement(sql);
        }
        for (ParsedRow row : rows) {
            statement.setLong(1, submissionId);
            statement.setInt(2, row.rowNumber());
            Object[] values = row.values();
            for (int i = 0; i < values.length; i++) {
                bind(statement, i + 3, columns.get(i), values[i]);
            }
            if (usccIndex >= 0) {
                statement.setString(values.length + 3, row.cell("uscc"));
            }
            statement.addBatch();
        }
        statement.executeBatch();
    }

    /** The same rows through PostgreSQL's COPY ({@link CopyText}), on {@code connection}. */
    void copy(Connection connection, long submissionId, List<ParsedRow> rows) throws SQLException {
        CopyText text = new CopyText();
        for (ParsedRow row : rows) {
            text.value(submissionId).value(row.rowNumber());
            for (Object value : row.values()) {
                text.value(value);
            }
            if (usccIndex >= 0) {
                text.value(row.cell("uscc"));
            }
            text.endRow();
        }
        text.send(connection, copy);
    }

    private static void bind(PreparedStatement statement, int index, Column column, Object value) throws SQLException {
        switch (column.type()) {
            case TEXT, USCC, ENUM -> statement.setString(index, (String) value);
            case YES_NO -> {
                if (value == null) {
                    statement.setNull(index, Types.BOOLEAN);
                } else {
                    statement.setBoolean(index, (Boolean) value);
                }
            }
            case INTEGER -> {
                if (value == null) {
                    statement.setNull(index, Types.INTEGER);
                } else {
                    statement.setInt(index, (Integer) value);
                }
            }
            case DECIMAL -> statement.setBigDecimal(index, (BigDecimal) value);
            case DATE -> statement.setObject(index, value, Types.DATE);
        }
    }

    @Override
    public void close() throws SQLException {
        if (statement != null) {
            statement.close();
        }
    }
}
