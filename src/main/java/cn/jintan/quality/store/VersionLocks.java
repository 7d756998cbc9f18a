package cn.jintan.quality.store;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;

/**
 * The {@code version_lock} table: a row lock per unit and statistical period. A file's version and
 * the older versions it supersedes are decided under it, held to the file's commit, so two files of
 * one unit and period are never decided together. Intake partitions already keep a unit's files in
 * one partition; the lock guards what they cannot see (a cover the partitioner could not read).
 * Files of other units of the period do not wait: their cross-unit warnings are settled after the
 * intake ({@code job.SettleCrossUnit}).
 */
@Repository
public class VersionLocks {

    /** A unit and a period (YYYY-MM) whose versions are decided under one lock. */
    public record Key(String unit, String period) {
    }

    private final JdbcClient jdbc;

    VersionLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Makes sure each key has its row, before partitions start (so no two of them insert it at once). */
    @Transactional
    public void create(Collection<Key> keys) {
        for (Key key : keys) {
            try {
                jdbc.sql("INSERT INTO version_lock (unit_code, period) SELECT ?, ? WHERE NOT EXISTS "
                                + "(SELECT 1 FROM version_lock WHERE unit_code = ? AND period = ?)")
                        .params(key.unit(), key.period(), key.unit(), key.period()).update();
            } catch (DuplicateKeyException e) {
                // created meanwhile by another process: what was wanted
            }
        }
    }

    /**
     * Locks the unit's period until the caller's transaction ends. A key no partitioner saw (rebuild,
     * one partition, or a cover read differently) gets its row here: the insert holds the same lock.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void hold(String unit, String period) {
        boolean locked = !jdbc.sql("SELECT period FROM version_lock WHERE unit_code = ? AND period = ? FOR UPDATE")
                .params(unit, period).query(String.class).list().isEmpty();
        if (!locked) {
            jdbc.sql("INSERT INTO version_lock (unit_code, period) VALUES (?, ?)").params(unit, period).update();
        }
    }
}
