package cn.jintan.quality.delivery;

import cn.jintan.quality.workbook.Text;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.List;

/** The {@code delivery} table: what was to be sent to whom, and what happened. */
@Repository
class DeliveryLedger {

    private static final String COLUMNS = "id, period, recipient, pdf_path, subject, body, status, attempts, last_error";

    private final JdbcClient jdbc;

    DeliveryLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long create(String period, String recipient, String pdfPath, String subject, String body, OffsetDateTime now, String runId) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO delivery (period, recipient, pdf_path, subject, body, status, created_at, created_run) "
                        + "VALUES (?, ?, ?, ?, ?, 'PENDING', ?, ?)")
                .params(period, recipient, pdfPath, subject, body, now, runId).update(key, "id");
        return key.getKey().longValue();
    }

    /** Deliveries from earlier runs that have not gone out yet, oldest first. */
    List<Delivery> unsent() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM delivery WHERE status IN ('PENDING', 'FAILED') ORDER BY id")
                .query(MAPPER).list();
    }

    void sent(long id, OffsetDateTime now, String runId) {
        jdbc.sql("UPDATE delivery SET status = 'SENT', attempts = attempts + 1, last_error = NULL, last_attempt_at = ?, "
                + "last_run = ?, sent_at = ? WHERE id = ?").params(now, runId, now, id).update();
    }

    void failed(long id, String error, OffsetDateTime now, String runId) {
        jdbc.sql("UPDATE delivery SET status = 'FAILED', attempts = attempts + 1, last_error = ?, last_attempt_at = ?, "
                + "last_run = ? WHERE id = ?").params(Text.fit(error, 2000), now, runId, id).update();
    }

    /** An older unsent delivery of a period that a newer briefing of the same period replaces. */
    void replaced(long id, String runId) {
        jdbc.sql("UPDATE delivery SET status = 'REPLACED', last_run = ? WHERE id = ?").params(runId, id).update();
    }

    /** What one run attempted, in order. */
    List<Delivery> ofRun(String runId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM delivery WHERE last_run = ? ORDER BY id").param(runId).query(MAPPER).list();
    }

    private static final RowMapper<Delivery> MAPPER = (rs, n) -> new Delivery(rs.getLong("id"), rs.getString("period"),
            rs.getString("recipient"), rs.getString("pdf_path"), rs.getString("subject"), rs.getString("body"),
            rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error"));
}
