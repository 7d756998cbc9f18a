package cn.jintan.quality.store;

import org.postgresql.PGConnection;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * One batch of rows for PostgreSQL's {@code COPY … FROM STDIN} in its text format (tab between
 * values, {@code \N} for NULL, backslash escapes), sent on the file's own connection and therefore
 * in its transaction. COPY parses a batch as one stream instead of executing an INSERT per row,
 * which is PostgreSQL's bulk-load path; H2 has none and keeps JDBC batches ({@link RowInsert}).
 */
final class CopyText {

    private final StringBuilder text = new StringBuilder(1 << 16);
    private boolean first = true;

    CopyText value(Object value) {
        separate();
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof Boolean b) {
            text.append(b ? 't' : 'f');
        } else if (value instanceof BigDecimal d) {
            text.append(d.toPlainString());
        } else if (value instanceof Number || value instanceof java.time.LocalDate) {
            text.append(value); // digits, or ISO yyyy-mm-dd, which PostgreSQL reads whatever its DateStyle
        } else {
            escape(value.toString());
        }
        return this;
    }

    CopyText endRow() {
        text.append('\n');
        first = true;
        return this;
    }

    /** Sends the rows with {@code copy} ({@code COPY table (columns) FROM STDIN}) and starts afresh. */
    void send(Connection connection, String copy) throws SQLException {
        try {
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn(copy, new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // from an in-memory stream: cannot happen
        }
        text.setLength(0);
        first = true;
    }

    private void separate() {
        if (!first) {
            text.append('\t');
        }
        first = false;
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
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
