package cn.jintan.quality.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The accepted submissions of a period and the enterprises (USCCs) that more than one of them
 * reports. The district counts such an enterprise once, under the unit first in code order; every
 * other row of it is "not first" and comes off the sums.
 *
 * <p>The shared codes are found in one pass over the period's codes in code order
 * ({@link SharedCodeScan}), and their rows written to period_overlap (V6__period_overlap.sql),
 * marked counted or not. The queries over them ({@link #sharedRows()}, {@link #notFirstRows()})
 * then start from that table and reach each row by key, whatever the number of units or rows.
 * (A unit has one accepted submission per period, and a submission never repeats a code in
 * 质量提升, {@code row.duplicate}.)
 */
public final class PeriodOverlap {

    private static final java.util.regex.Pattern PERIOD = java.util.regex.Pattern.compile("\\d{4}-\\d{2}");
    private static final int INSERT_BATCH = 1000;

    private final String period;
    private final List<Accepted> accepted;

    private PeriodOverlap(String period, List<Accepted> accepted) {
        this.period = period;
        this.accepted = accepted;
    }

    static PeriodOverlap of(JdbcClient jdbc, JdbcTemplate batch, String period) {
        if (!PERIOD.matcher(period).matches()) { // it goes into SQL as a literal
            throw new IllegalArgumentException("not a period: " + period);
        }
        List<Accepted> accepted = new ArrayList<>();
        Map<Long, Long> rows = new LinkedHashMap<>();
        jdbc.sql("SELECT id, unit_code, rows_quality FROM submission WHERE status = ? AND period = ? ORDER BY id")
                .params(SubmissionStatus.ACCEPTED.name(), period).query((java.sql.ResultSet rs) -> {
                    accepted.add(new Accepted(rs.getLong(1), rs.getString(2)));
                    rows.put(rs.getLong(1), rs.getLong(3));
                });
        Map<Long, String> units = accepted.stream().collect(Collectors.toMap(Accepted::id, Accepted::unit));
        jdbc.sql("DELETE FROM period_overlap WHERE period = ?").param(period).update();
        List<Object[]> pending = new ArrayList<>();
        String insert = "INSERT INTO period_overlap (period, submission_id, row_no, counted) VALUES (?, ?, ?, ?)";
        SharedCodeScan.scan(jdbc, rows, hits -> {
            SharedCodeScan.Hit first = hits.stream().min(Comparator.comparing(hit -> units.get(hit.submissionId())))
                    .orElseThrow();
            for (SharedCodeScan.Hit hit : hits) {
                pending.add(new Object[]{period, hit.submissionId(), hit.rowNo(), hit == first});
            }
            if (pending.size() >= INSERT_BATCH) {
                batch.batchUpdate(insert, pending);
                pending.clear();
            }
        });
        if (!pending.isEmpty()) {
            batch.batchUpdate(insert, pending);
        }
        return new PeriodOverlap(period, accepted);
    }

    /** Whether two units could share an enterprise at all. */
    public boolean possible() {
        return accepted.size() > 1;
    }

    /**
     * FROM and WHERE of the rows of the enterprises two or more accepted submissions of the period
     * report: {@code r} the quality_row, {@code s} its submission, {@code v} its period_overlap row.
     */
    String sharedRows() {
        return "FROM period_overlap v JOIN submission s ON s.id = v.submission_id "
                + "JOIN quality_row r ON r.submission_id = v.submission_id AND r.row_no = v.row_no "
                + "WHERE v.period = '" + period + "' ";
    }

    /** {@link #sharedRows()} narrowed to those another unit, first in code order, also reports. */
    String notFirstRows() {
        return sharedRows() + "AND NOT v.counted ";
    }

    /** The accepted submissions of the period with their unit codes, in unit code order. */
    public List<Accepted> byUnit() {
        return accepted.stream().sorted(Comparator.comparing(Accepted::unit)).toList();
    }

    public record Accepted(long id, String unit) {
    }
}
