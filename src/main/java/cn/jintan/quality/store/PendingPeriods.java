package cn.jintan.quality.store;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.List;

/**
 * The {@code pending_period} table: periods daytime intake passes changed, whose briefings the
 * next nightly run renders and mails (then clears them, in the transaction of its delivery step).
 */
@Repository
public class PendingPeriods {

    private final JdbcClient jdbc;

    PendingPeriods(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Notes the periods a run's submissions touched (again after a restart: harmless). */
    public void noteRun(String runId) {
        // standard MERGE: H2 and PostgreSQL both take it
        jdbc.sql("""
                MERGE INTO pending_period p
                USING (SELECT DISTINCT period FROM submission WHERE run_id = ? AND period IS NOT NULL) AS s
                      ON p.period = s.period
                WHEN MATCHED THEN UPDATE SET run_id = ?
                WHEN NOT MATCHED THEN INSERT (period, run_id) VALUES (s.period, ?)""")
                .params(runId, runId, runId).update();
    }

    public List<String> periods() {
        return jdbc.sql("SELECT period FROM pending_period ORDER BY period").query(String.class).list();
    }

    public void clear(Collection<String> periods) {
        for (String period : periods) {
            jdbc.sql("DELETE FROM pending_period WHERE period = ?").param(period).update();
        }
    }
}
