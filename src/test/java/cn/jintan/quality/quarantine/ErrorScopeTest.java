package cn.jintan.quality.quarantine;

import org.h2.api.ErrorCode;
import org.h2.jdbc.JdbcSQLDataException;
import org.h2.jdbc.JdbcSQLNonTransientException;
import org.h2.jdbc.JdbcSQLSyntaxErrorException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.zip.ZipException;

import static org.assertj.core.api.Assertions.assertThat;

/** What fails the run (the database or the transaction is in trouble) and what quarantines one file (a bug on its content). */
class ErrorScopeTest {

    private static JdbcSQLNonTransientException h2(int code) {
        return new JdbcSQLNonTransientException("h2 error " + code, "SQL", "HY000", code, null, "trace");
    }

    @Test
    void theDatabaseDownLockedOrBrokenFailsTheRun() {
        assertThat(ErrorScope.failsTheRun(new CannotGetJdbcConnectionException("pool exhausted",
                new SQLTransientConnectionException("timeout")))).isTrue();
        assertThat(ErrorScope.failsTheRun(new DataAccessResourceFailureException("disk full"))).isTrue();
        assertThat(ErrorScope.failsTheRun(new CannotAcquireLockException("lock timeout"))).isTrue();
        assertThat(ErrorScope.failsTheRun(new QueryTimeoutException("timeout"))).isTrue();
        assertThat(ErrorScope.failsTheRun(new CannotCreateTransactionException("no connection"))).isTrue();
        assertThat(ErrorScope.failsTheRun(new TransactionSystemException("rollback to savepoint failed"))).isTrue();
        // H2's own codes, however Spring translated them, and however deep they sit
        for (int code : new int[]{ErrorCode.DATABASE_IS_CLOSED, ErrorCode.FILE_CORRUPTED_1, ErrorCode.IO_EXCEPTION_1,
                ErrorCode.DATABASE_ALREADY_OPEN_1, ErrorCode.LOCK_TIMEOUT_1, ErrorCode.OUT_OF_MEMORY,
                ErrorCode.DATABASE_IS_READ_ONLY}) {
            assertThat(ErrorScope.failsTheRun(new IllegalStateException("storing",
                    new UncategorizedSQLException("insert", "INSERT ...", h2(code))))).as("H2 %d", code).isTrue();
        }
        assertThat(ErrorScope.failsTheRun(new RuntimeException(new OutOfMemoryError("Java heap space")))).isTrue();
    }

    /** PostgreSQL says what is wrong in its SQLState: connection (08), resources (53), shut down (57P01), I/O, corruption. */
    @Test
    void postgresqlDownFullOrShutDownFailsTheRun() {
        for (String state : new String[]{"08006", "08001", "08003", "53100", "53200", "53300", "57P01", "57P02", "57P03",
                "57014", "58030", "XX000", "XX001", "40001", "40P01", "55P03", "25006"}) {
            assertThat(ErrorScope.failsTheRun(new IllegalStateException("storing",
                    new UncategorizedSQLException("insert", "INSERT ...", new SQLException("server trouble", state)))))
                    .as("SQLState %s", state).isTrue();
        }
    }

    @Test
    void aPostgresqlErrorOfTheStatementQuarantinesTheFile() {
        // value too long, unique violation, syntax error, division by zero, foreign key, not null
        for (String state : new String[]{"22001", "23505", "42601", "22012", "23503", "23502", "42P01"}) {
            assertThat(ErrorScope.failsTheRun(new IllegalStateException("storing",
                    new UncategorizedSQLException("insert", "INSERT ...", new SQLException("statement error", state)))))
                    .as("SQLState %s", state).isFalse();
        }
        assertThat(ErrorScope.failsTheRun(new SQLException("no state"))).isFalse();
    }

    @Test
    void aBugOnOneFileQuarantinesIt() {
        assertThat(ErrorScope.failsTheRun(new IllegalStateException("bug"))).isFalse();
        assertThat(ErrorScope.failsTheRun(new NullPointerException())).isFalse();
        assertThat(ErrorScope.failsTheRun(new ArrayIndexOutOfBoundsException(3))).isFalse();
        // a value our code forgot to truncate, a statement it got wrong: that file's content, not the database
        assertThat(ErrorScope.failsTheRun(new DataIntegrityViolationException("value too long",
                new JdbcSQLDataException("Value too long", "SQL", "22001", ErrorCode.VALUE_TOO_LONG_2, null, "")))).isFalse();
        assertThat(ErrorScope.failsTheRun(new BadSqlGrammarException("select", "SELECT",
                new JdbcSQLSyntaxErrorException("syntax", "SQL", "42000", ErrorCode.SYNTAX_ERROR_1, null, "")))).isFalse();
        assertThat(ErrorScope.failsTheRun(new UncheckedIOException(new ZipException("invalid entry size")))).isFalse();
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(ErrorScope.failsTheRun(b)).isFalse();
    }

    @Test
    void theRootCauseIsTheInnermostAndALoopingChainEnds() {
        IllegalStateException inner = new IllegalStateException("inner");
        RuntimeException outer = new RuntimeException("outer", new RuntimeException("middle", inner));
        assertThat(ErrorScope.rootCause(outer)).isSameAs(inner);
        assertThat(ErrorScope.rootCause(inner)).isSameAs(inner);
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(ErrorScope.rootCause(a)).isIn(a, b);
    }
}
