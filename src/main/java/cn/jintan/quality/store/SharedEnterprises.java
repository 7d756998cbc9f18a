package cn.jintan.quality.store;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code cross.duplicate_enterprise}'s question to the database: which enterprises (质量提升, by
 * USCC) the accepted submissions of a period share with other units' accepted ones. The shared codes
 * come from one pass over the period's quality_code in code order ({@link SharedCodeScan}, which
 * probes a file larger than all the others together by key instead of reading it); then the
 * 统一社会信用代码 cells of those rows, by key.
 */
@Repository
public class SharedEnterprises {

    private static final int IN_LIST = 1000;

    private final JdbcClient jdbc;

    SharedEnterprises(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A row of one submission and a row of another one with the same code. */
    private record Pair(long id, String uscc, int row, long otherId, int otherRow) {
    }

    /**
     * For each accepted submission of the period that shares an enterprise with another unit's, what
     * it shares, in its row order then the other unit's code; both submissions of a pair are listed.
     */
    public Map<Long, List<SharedEnterprise>> inPeriod(String period) {
        Map<Long, String> units = new HashMap<>();
        Map<Long, Long> rows = new LinkedHashMap<>();
        jdbc.sql("SELECT id, unit_code, rows_quality FROM submission WHERE status = ? AND period = ? ORDER BY id")
                .params(SubmissionStatus.ACCEPTED.name(), period)
                .query((java.sql.ResultSet rs) -> {
                    units.put(rs.getLong(1), rs.getString(2));
                    rows.put(rs.getLong(1), rs.getLong(3));
                });
        List<Pair> pairs = new ArrayList<>();
        SharedCodeScan.scan(jdbc, rows, hits -> {
            for (SharedCodeScan.Hit a : hits) {
                for (SharedCodeScan.Hit b : hits) {
                    // a unit has one accepted submission a period: two hits are two units
                    if (a.submissionId() != b.submissionId()) {
                        pairs.add(new Pair(a.submissionId(), a.uscc(), a.rowNo(), b.submissionId(), b.rowNo()));
                    }
                }
            }
        });
        Map<Long, Map<Integer, String>> cells = cells(pairs);
        Map<Long, List<SharedEnterprise>> shared = new HashMap<>();
        pairs.stream()
                .sorted(Comparator.comparingLong(Pair::id).thenComparingInt(Pair::row)
                        .thenComparing(p -> units.get(p.otherId())))
                .forEach(p -> shared.computeIfAbsent(p.id(), k -> new ArrayList<>())
                        .add(new SharedEnterprise(p.uscc(), p.row(), cells.get(p.id()).get(p.row()), p.otherId(),
                                p.otherRow(), cells.get(p.otherId()).get(p.otherRow()), units.get(p.otherId()))));
        return shared;
    }

    /** The 统一社会信用代码 cell of every row in {@code pairs}, per submission then row number, read by key. */
    private Map<Long, Map<Integer, String>> cells(List<Pair> pairs) {
        Map<Long, Set<Integer>> wanted = new HashMap<>();
        for (Pair p : pairs) {
            wanted.computeIfAbsent(p.id(), k -> new TreeSet<>()).add(p.row());
        }
        Map<Long, Map<Integer, String>> cells = new HashMap<>();
        wanted.forEach((submission, rows) -> {
            List<Integer> all = new ArrayList<>(rows);
            for (int from = 0; from < all.size(); from += IN_LIST) {
                List<Integer> part = all.subList(from, Math.min(all.size(), from + IN_LIST));
                jdbc.sql("SELECT row_no, uscc_cell FROM quality_row WHERE submission_id = ? AND row_no IN ("
                                + SharedCodeScan.ids(part) + ")")
                        .param(submission)
                        .query((java.sql.ResultSet rs) -> {
                            cells.computeIfAbsent(submission, k -> new HashMap<>()).put(rs.getInt(1), rs.getString(2));
                        });
            }
        });
        return cells;
    }

    /** One enterprise a submission reports at {@code row}/{@code cell} and another unit's accepted one at {@code otherRow}/{@code otherCell}. */
    public record SharedEnterprise(String uscc, int row, String cell, long otherId, int otherRow, String otherCell,
                                   String otherUnit) {
    }
}
