package cn.jintan.quality.store;

import cn.jintan.quality.domain.Indicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the figures of a period are added up from: the tallies and rows of accepted submissions
 * only ({@link Tallies}), and the months each unit has one. Periods are {@code YYYY-MM}; ranges
 * include both ends.
 */
@Repository
public class PeriodTallies {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    PeriodTallies(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** One figure of one unit, summed over its accepted submissions of a range of months. */
    public record UnitTally(String unit, String figure, BigDecimal sum) {
    }

    /** A month a unit has an accepted submission for. */
    public record UnitMonth(String unit, String period) {
    }

    /** A month's financing amount ({@code financing_row.amount}) over the accepted submissions. */
    public record MonthAmount(String period, BigDecimal amount) {
    }

    /**
     * The accepted submissions of the period and the enterprises more than one of them reports
     * (written to period_overlap for the queries that follow).
     */
    public PeriodOverlap overlap(String period) {
        return PeriodOverlap.of(jdbc, batch, period);
    }

    public boolean hasAccepted(String period) {
        return jdbc.sql("SELECT COUNT(*) FROM submission WHERE status = ? AND period = ?")
                .params(SubmissionStatus.ACCEPTED.name(), period).query(Integer.class).single() > 0;
    }

    /** Every tallied figure of the accepted submissions of {@code from} to {@code to}, summed per unit. */
    public List<UnitTally> unitTallies(String from, String to) {
        return jdbc.sql("SELECT s.unit_code, t.figure, SUM(t.tally_value) FROM submission_tally t "
                        + "JOIN submission s ON s.id = t.submission_id "
                        + "WHERE s.status = ? AND s.period BETWEEN ? AND ? GROUP BY s.unit_code, t.figure")
                .params(SubmissionStatus.ACCEPTED.name(), from, to)
                .query((rs, n) -> new UnitTally(rs.getString(1), rs.getString(2), rs.getBigDecimal(3))).list();
    }

    /**
     * The {@code indicators}' measures over the rows of the period's enterprises another unit, first
     * in code order, also reports (null where no row): what comes off the units' sums so that each
     * enterprise counts once in the district.
     */
    public List<BigDecimal> notFirstSums(PeriodOverlap overlap, List<Indicator> indicators) {
        List<BigDecimal> sums = new ArrayList<>();
        jdbc.sql("SELECT " + indicators.stream().map(Indicator::aggregate).collect(Collectors.joining(", ")) + " "
                        + overlap.notFirstRows())
                .query((ResultSet rs) -> {
                    for (int i = 0; i < indicators.size(); i++) {
                        sums.add(rs.getBigDecimal(i + 1));
                    }
                });
        return sums;
    }

    /** The months from {@code from} to {@code to} with an accepted submission, per unit. */
    public List<UnitMonth> acceptedMonths(String from, String to) {
        return jdbc.sql("SELECT DISTINCT unit_code, period FROM submission WHERE status = ? AND period BETWEEN ? AND ?")
                .params(SubmissionStatus.ACCEPTED.name(), from, to)
                .query((rs, n) -> new UnitMonth(rs.getString(1), rs.getString(2))).list();
    }

    /** Financing registered per month from {@code from} to {@code to}, months with accepted rows only. */
    public List<MonthAmount> monthlyFinancing(String from, String to) {
        return jdbc.sql("SELECT s.period, SUM(r.amount) FROM financing_row r JOIN submission s ON s.id = r.submission_id "
                        + "WHERE s.status = ? AND s.period BETWEEN ? AND ? GROUP BY s.period")
                .params(SubmissionStatus.ACCEPTED.name(), from, to)
                .query((rs, n) -> new MonthAmount(rs.getString(1), rs.getBigDecimal(2))).list();
    }
}
