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
        jdbc.sql("MERGE INTO pending_period (period, run_id) KEY (period) "
                + "SELECT DISTINCT period, ? FROM submission WHERE run_id = ? AND period IS NOT NULL")
                .params(runId, runId).update();
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
