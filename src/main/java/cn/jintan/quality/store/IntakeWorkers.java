package cn.jintan.quality.store;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The tables {@code intake_worker} and {@code intake_claim} of remote intake: each {@code worker}
 * process beats (database time) while it lives and claims the partition it runs; the manager asks
 * which running partitions lost their worker. Each statement commits on its own.
 */
@Repository
public class IntakeWorkers {

    private final JdbcClient jdbc;

    IntakeWorkers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A running partition whose worker stopped beating {@code silent} ago (or never claimed it: no worker). */
    public record Lost(long stepExecutionId, String partition, String worker, Duration silent) {
    }

    /** A worker process starts (or beats): its row, stamped now. */
    public void beat(String worker) {
        if (jdbc.sql("UPDATE intake_worker SET beat_at = CURRENT_TIMESTAMP WHERE worker = ?").param(worker).update() == 0) {
            jdbc.sql("INSERT INTO intake_worker (worker, beat_at) VALUES (?, CURRENT_TIMESTAMP)").param(worker).update();
        }
    }

    /** A worker process leaves: its row and any claim it still holds. */
    public void leave(String worker) {
        jdbc.sql("DELETE FROM intake_claim WHERE worker = ?").param(worker).update();
        jdbc.sql("DELETE FROM intake_worker WHERE worker = ?").param(worker).update();
    }

    public void claim(String worker, long stepExecutionId) {
        jdbc.sql("DELETE FROM intake_claim WHERE step_execution_id = ?").param(stepExecutionId).update();
        jdbc.sql("INSERT INTO intake_claim (step_execution_id, worker) VALUES (?, ?)").params(stepExecutionId, worker).update();
    }

    public void release(long stepExecutionId) {
        jdbc.sql("DELETE FROM intake_claim WHERE step_execution_id = ?").param(stepExecutionId).update();
    }

    /** Whether any worker beat within {@code timeout}. */
    public boolean anyAlive(Duration timeout) {
        OffsetDateTime cutoff = now().minus(timeout);
        return jdbc.sql("SELECT COUNT(*) FROM intake_worker WHERE beat_at > ?").param(cutoff).query(Long.class).single() > 0;
    }

    /**
     * The partitions of a job execution ({@code stepPrefix} + name) marked running whose worker has
     * not beaten within {@code timeout}, or that no worker claims.
     */
    public List<Lost> lost(long jobExecutionId, String stepPrefix, Duration timeout) {
        OffsetDateTime now = now();
        return jdbc.sql("SELECT se.STEP_EXECUTION_ID, se.STEP_NAME, w.worker, w.beat_at FROM BATCH_STEP_EXECUTION se "
                        + "LEFT JOIN intake_claim c ON c.step_execution_id = se.STEP_EXECUTION_ID "
                        + "LEFT JOIN intake_worker w ON w.worker = c.worker "
                        + "WHERE se.JOB_EXECUTION_ID = ? AND se.STATUS = 'STARTED' AND se.STEP_NAME LIKE ? ORDER BY se.STEP_EXECUTION_ID")
                .params(jobExecutionId, stepPrefix + "%")
                .query((rs, n) -> {
                    OffsetDateTime beat = rs.getObject(4, OffsetDateTime.class);
                    return new Lost(rs.getLong(1), rs.getString(2).substring(stepPrefix.length()), rs.getString(3),
                            beat == null ? null : Duration.between(beat, now));
                })
                .list().stream().filter(l -> l.silent() == null || l.silent().compareTo(timeout) > 0).toList();
    }

    /** The partitions of a job execution ({@code stepPrefix} + name) that no worker has started yet. */
    public List<Long> waiting(long jobExecutionId, String stepPrefix) {
        return jdbc.sql("SELECT STEP_EXECUTION_ID FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? AND STATUS = 'STARTING' "
                        + "AND STEP_NAME LIKE ? ORDER BY STEP_EXECUTION_ID")
                .params(jobExecutionId, stepPrefix + "%").query(Long.class).list();
    }

    /** The database's time: the one clock every machine shares. */
    private OffsetDateTime now() {
        return jdbc.sql("SELECT CURRENT_TIMESTAMP").query(OffsetDateTime.class).single();
    }
}
