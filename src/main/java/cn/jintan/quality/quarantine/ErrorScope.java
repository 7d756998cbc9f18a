package cn.jintan.quality.quarantine;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.TransactionException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Tells an error of the run's surroundings (the database down, locked, closed, out of disk; a
 * transaction that cannot be had) from an error of one file's handling (a bug our code hits on
 * that file's content). The first fails the run: every file would hit it, and quarantining them
 * all would blame the files. The second only puts that one file aside.
 *
 * <p>Only errors raised while checking, storing and rendering the receipts of one file are asked
 * about at all ({@link Quarantine#failsTheRun}); hashing and archiving the file, listing {@code input/},
 * committing and writing files after the commit are the installation's business and always fail
 * the run. An {@link Error} (out of memory...) is never caught.
 */
final class ErrorScope {

    /**
     * H2 error codes that say the database, not the statement, is in trouble: cannot open, already
     * open elsewhere, closed, read-only, file I/O, corrupt file, out of memory, lock timeout,
     * deadlock, statement cancelled (timeout), concurrent update, exclusive mode.
     */
    private static final Set<Integer> H2_SYSTEMIC = Set.of(8000, 90020, 90024, 90025, 90028, 90030, 90031, 90062,
            90067, 90097, 90098, 90108, 90121, 90135, 50200, 40001, 57014, 90131);

    /**
     * PostgreSQL SQLState classes that say the server, not the statement, is in trouble: 08 connection
     * lost or refused, 53 out of disk, memory or connections, 57 an administrator or crash shut it
     * down (57P01..57P03) or cancelled the statement, 58 system I/O, XX internal error or data corrupted.
     */
    private static final Set<String> POSTGRESQL_SYSTEMIC_CLASSES = Set.of("08", "53", "57", "58", "XX");
    /** Exact PostgreSQL SQLStates: serialization failure, deadlock, lock not available, read-only (a standby). */
    private static final Set<String> POSTGRESQL_SYSTEMIC = Set.of("40001", "40P01", "55P03", "25006");

    private ErrorScope() {
    }

    /** True when {@code error}, or anything that caused it, is a failure of the database or its transaction. */
    static boolean failsTheRun(Throwable error) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof Error
                    || t instanceof DataAccessResourceFailureException // CannotGetJdbcConnectionException too
                    || t instanceof TransientDataAccessException        // lock, timeout, pessimistic locking
                    || t instanceof RecoverableDataAccessException
                    || t instanceof TransactionException               // no transaction, no savepoint, rollback failed
                    || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLException sql && (H2_SYSTEMIC.contains(sql.getErrorCode()) || systemicState(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** A PostgreSQL SQLState of the server in trouble (H2's own states never start so, bar the ones of {@link #H2_SYSTEMIC}). */
    static boolean systemicState(String state) {
        return state != null && state.length() == 5
                && (POSTGRESQL_SYSTEMIC_CLASSES.contains(state.substring(0, 2)) || POSTGRESQL_SYSTEMIC.contains(state));
    }

    /** The innermost cause of {@code error} (itself when it wraps none); a cause chain that loops ends where it repeats. */
    static Throwable rootCause(Throwable error) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Throwable root = error;
        while (root.getCause() != null && seen.add(root)) {
            root = root.getCause();
        }
        return root;
    }
}
