package cn.jintan.quality.report;

import cn.jintan.quality.domain.Period;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The date a period's briefing was first issued ({@code briefing_issue}): a briefing rendered again
 * tomorrow, or by {@code report}, carries the date of the issue leaders already have.
 */
@Repository
class IssueDates {

    private final JdbcClient jdbc;
    private final Clock clock;

    IssueDates(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<LocalDate> stored(Period period) {
        return jdbc.sql("SELECT issue_date FROM briefing_issue WHERE period = ?").param(period.toString())
                .query(LocalDate.class).optional();
    }

    /** The stored date, or today in the configured zone for a period never issued. */
    LocalDate of(Period period) {
        return stored(period).orElseGet(() -> OffsetDateTime.now(clock).toLocalDate());
    }

    /**
     * Records that the period's briefing was issued on {@code date}, once it is written: the first
     * issue's date is kept, unless {@code replace} (a date given on the command line).
     */
    void issued(Period period, LocalDate date, boolean replace) {
        if (replace) {
            // standard MERGE: H2 and PostgreSQL both take it
            jdbc.sql("""
                    MERGE INTO briefing_issue b
                    USING (VALUES (CAST(? AS CHAR(7)), CAST(? AS DATE), CAST(? AS TIMESTAMP WITH TIME ZONE)))
                          AS v (period, issue_date, recorded_at) ON b.period = v.period
                    WHEN MATCHED THEN UPDATE SET issue_date = v.issue_date, recorded_at = v.recorded_at
                    WHEN NOT MATCHED THEN INSERT (period, issue_date, recorded_at) VALUES (v.period, v.issue_date, v.recorded_at)""")
                    .params(period.toString(), date, OffsetDateTime.now(clock)).update();
        } else if (stored(period).isEmpty()) {
            jdbc.sql("INSERT INTO briefing_issue (period, issue_date, recorded_at) VALUES (?, ?, ?)")
                    .params(period.toString(), date, OffsetDateTime.now(clock)).update();
        }
    }
}
