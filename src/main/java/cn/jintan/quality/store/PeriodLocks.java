package cn.jintan.quality.store;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;

/**
 * The {@code period_lock} table: a row lock per statistical period. Intake partitions store files
 * of different units at once; the part of recording decided per period (a file's version, what it
 * supersedes, its cross-unit warnings) reads other files of the period, so it runs under this lock,
 * held to the file's commit: two files of one period are never decided together, and the second
 * always sees the first's committed rows (READ COMMITTED on H2 and PostgreSQL alike).
 */
@Repository
public class PeriodLocks {

    private final JdbcClient jdbc;

    PeriodLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Makes sure each period has its row, before partitions start (so no two of them insert it at once). */
    @Transactional
    public void create(Collection<String> periods) {
        for (String period : periods) {
            try {
                jdbc.sql("INSERT INTO period_lock (period) SELECT ? WHERE NOT EXISTS "
                        + "(SELECT 1 FROM period_lock WHERE period = ?)").params(period, period).update();
            } catch (DuplicateKeyException e) {
                // created meanwhile by another process: what was wanted
            }
        }
    }

    /**
     * Locks the period until the caller's transaction ends. A period no partitioner saw (rebuild,
     * or a cover read differently) gets its row here: the insert holds the same lock.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void hold(String period) {
        boolean locked = !jdbc.sql("SELECT period FROM period_lock WHERE period = ? FOR UPDATE").param(period)
                .query(String.class).list().isEmpty();
        if (!locked) {
            jdbc.sql("INSERT INTO period_lock (period) VALUES (?)").param(period).update();
        }
    }
}
