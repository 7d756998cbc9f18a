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
 * at least one of the smaller ones, so those are scanned and the quality_row(uscc) index is
 * asked about each of their codes. A million-row unit next to a dozen small ones costs a dozen
 * small scans. (A unit has one accepted submission per period, and a submission never repeats a
 * code in 质量提升, {@code row.duplicate}.)
 */
public final class PeriodOverlap {

    private final List<Accepted> accepted;
    private final List<Long> ids;
    private final long largest;
    private final Database database;

    private PeriodOverlap(List<Accepted> accepted, long largest, Database database) {
        this.accepted = accepted;
        this.ids = accepted.stream().map(Accepted::id).toList();
        this.largest = largest;
        this.database = database;
    }

    static PeriodOverlap of(JdbcClient jdbc, Database database, String period) {
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
        return new PeriodOverlap(accepted, largest[0], database);
    }

    /** Whether two units could share an enterprise at all. */
    public boolean possible() {
        return ids.size() > 1;
    }

    /** The accepted submissions of the period, as an SQL list (database ids, never user text). */
    String ids() {
        return ids.isEmpty() ? "NULL" : ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** Subquery: the USCCs that two or more accepted submissions of the period report. */
    String shared() {
        String smaller = ids.stream().filter(id -> id != largest).map(String::valueOf).collect(Collectors.joining(", "));
        return "SELECT DISTINCT q.uscc FROM quality_row q WHERE q.submission_id IN (" + (smaller.isEmpty() ? "NULL" : smaller)
                + ") AND EXISTS (SELECT 1 FROM quality_row o WHERE o.uscc = q.uscc AND o.submission_id IN (" + ids()
                + ") AND o.submission_id <> q.submission_id)";
    }

    /**
     * The rows of the period that another unit, first in code order, also reports: {@code r} is a
     * quality_row of one of {@link #ids()}, {@code s} its submission. H2 answers the IN from the
     * quality_row(uscc) index when the query reads r through it ({@link #sharedRows()}).
     */
    String notFirst() {
        return "r.uscc IN (" + shared() + ") AND EXISTS (SELECT 1 FROM quality_row e JOIN submission es "
                + "ON es.id = e.submission_id WHERE e.uscc = r.uscc AND e.submission_id IN (" + ids()
                + ") AND es.unit_code < s.unit_code)";
    }

    /** The accepted submissions of the period with their unit codes, in unit code order. */
    public List<Accepted> byUnit() {
        return accepted.stream().sorted(java.util.Comparator.comparing(Accepted::unit)).toList();
    }

    public record Accepted(long id, String unit) {
    }

    /** Reads only the rows of shared enterprises, through the uscc index, not the whole period. */
    String sharedRows() {
        return "FROM quality_row r" + database.useIndex("quality_uscc") + " JOIN submission s ON s.id = r.submission_id ";
    }
}
