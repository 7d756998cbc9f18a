package cn.jintan.quality.store;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The accepted submissions of a period and the enterprises (USCCs) that more than one of them
 * reports. The district counts such an enterprise once, under the unit first in code order; every
 * other row of it is "not first" and comes off the sums.
 *
 * <p>Finding them never scans the largest submission: an enterprise two submissions share is in
 * at least one of the smaller ones, so their codes are read and each is looked up in the others'
 * quality_code key (submission_id, uscc). The shared codes are few and fetched once; the queries
 * over their rows then name them, so every step is a key lookup whatever order H2 joins in. (A
 * unit has one accepted submission per period, and a submission never repeats a code in 质量提升,
 * {@code row.duplicate}.)
 */
public final class PeriodOverlap {

    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[0-9A-Z]{18}");

    private final List<Accepted> accepted;
    private final List<Long> ids;
    private final List<String> shared;

    private PeriodOverlap(List<Accepted> accepted, List<String> shared) {
        this.accepted = accepted;
        this.ids = accepted.stream().map(Accepted::id).toList();
        this.shared = shared;
    }

    static PeriodOverlap of(JdbcClient jdbc, String period) {
        List<Accepted> accepted = new java.util.ArrayList<>();
        long[] largest = {-1, -1};
        jdbc.sql("SELECT id, unit_code, rows_quality FROM submission WHERE status = ? AND period = ? ORDER BY id")
                .params(SubmissionStatus.ACCEPTED.name(), period).query((java.sql.ResultSet rs) -> {
                    accepted.add(new Accepted(rs.getLong(1), rs.getString(2)));
                    if (rs.getLong(3) > largest[1]) {
                        largest[0] = rs.getLong(1);
                        largest[1] = rs.getLong(3);
                    }
                });
        if (accepted.size() < 2) {
            return new PeriodOverlap(accepted, List.of());
        }
        String all = list(accepted.stream().map(Accepted::id).toList());
        String smaller = list(accepted.stream().map(Accepted::id).filter(id -> id != largest[0]).toList());
        // EXISTS is correlated: H2 reads the smaller submissions' codes and probes the others, never the reverse
        List<String> shared = jdbc.sql("SELECT DISTINCT q.uscc FROM quality_code q WHERE q.submission_id IN (" + smaller
                        + ") AND EXISTS (SELECT 1 FROM submission x JOIN quality_code o ON o.submission_id = x.id "
                        + "AND o.uscc = q.uscc WHERE x.id IN (" + all + ") AND x.id <> q.submission_id) ORDER BY q.uscc")
                .query(String.class).list();
        for (String code : shared) {
            if (!CODE.matcher(code).matches()) { // they go into SQL as literals: only validated codes may
                throw new IllegalStateException("not a stored USCC: " + code);
            }
        }
        return new PeriodOverlap(accepted, shared);
    }

    /** Whether two units could share an enterprise at all. */
    public boolean possible() {
        return ids.size() > 1;
    }

    /** The accepted submissions of the period, as an SQL list (database ids, never user text). */
    String ids() {
        return list(ids);
    }

    private static String list(List<Long> ids) {
        return ids.isEmpty() ? "NULL" : ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /**
     * FROM and WHERE of the rows of the enterprises two or more accepted submissions of the period
     * report: {@code r} the quality_row, {@code c} its code, {@code s} its submission.
     */
    String sharedRows() {
        return "FROM submission s JOIN quality_code c ON c.submission_id = s.id "
                + "JOIN quality_row r ON r.submission_id = c.submission_id AND r.row_no = c.row_no "
                + "WHERE s.id IN (" + ids() + ") AND c.uscc IN (" + (shared.isEmpty() ? "NULL"
                : shared.stream().map(code -> "'" + code + "'").collect(Collectors.joining(", "))) + ") ";
    }

    /** {@link #sharedRows()} narrowed to those another unit, first in code order, also reports. */
    String notFirstRows() {
        return sharedRows() + "AND EXISTS (SELECT 1 FROM submission es JOIN quality_code e ON e.submission_id = es.id "
                + "AND e.uscc = c.uscc WHERE es.id IN (" + ids() + ") AND es.unit_code < s.unit_code) ";
    }

    /** The accepted submissions of the period with their unit codes, in unit code order. */
    public List<Accepted> byUnit() {
        return accepted.stream().sorted(java.util.Comparator.comparing(Accepted::unit)).toList();
    }

    public record Accepted(long id, String unit) {
    }
}
