package cn.jintan.quality.delivery;

import cn.jintan.quality.workbook.Text;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.List;

/** The {@code receipt_mail} table: which receipt was to be mailed to whom, and what happened. */
@Repository
class ReceiptMailLedger {

    private static final String COLUMNS = "id, submission_id, recipient, status, attempts, last_error";

    private final JdbcClient jdbc;

    ReceiptMailLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Notes a mail to send, once per file and address (a continued run finds it noted). */
    boolean create(long submissionId, String recipient, OffsetDateTime now, String runId) {
        return jdbc.sql("INSERT INTO receipt_mail (submission_id, recipient, status, created_at, created_run) "
                        + "SELECT ?, ?, 'PENDING', ?, ? WHERE NOT EXISTS "
                        + "(SELECT 1 FROM receipt_mail WHERE submission_id = ? AND recipient = ?)")
                .params(submissionId, recipient, now, runId, submissionId, recipient).update() > 0;
    }

    /** Mails not sent yet, oldest first. */
    List<ReceiptMail> unsent() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM receipt_mail WHERE status IN ('PENDING', 'FAILED') ORDER BY id")
                .query(MAPPER).list();
    }

    void sent(long id, OffsetDateTime now, String runId) {
        jdbc.sql("UPDATE receipt_mail SET status = 'SENT', attempts = attempts + 1, last_error = NULL, last_attempt_at = ?, "
                + "last_run = ?, sent_at = ? WHERE id = ?").params(now, runId, now, id).update();
    }

    void failed(long id, String error, OffsetDateTime now, String runId) {
        jdbc.sql("UPDATE receipt_mail SET status = 'FAILED', attempts = attempts + 1, last_error = ?, last_attempt_at = ?, "
                        + "last_run = ? WHERE id = ?")
                .params(Text.fit(error, 2000), now, runId, id).update();
    }

    /** What one run attempted, in order. */
    List<ReceiptMail> ofRun(String runId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM receipt_mail WHERE last_run = ? ORDER BY id").param(runId)
                .query(MAPPER).list();
    }

    private static final RowMapper<ReceiptMail> MAPPER = (rs, n) -> new ReceiptMail(rs.getLong("id"),
            rs.getLong("submission_id"), rs.getString("recipient"), rs.getString("status"), rs.getInt("attempts"),
            rs.getString("last_error"));
}
