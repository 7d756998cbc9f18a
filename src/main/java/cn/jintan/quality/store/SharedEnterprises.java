package cn.jintan.quality.store;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code cross.duplicate_enterprise}'s question to the database: which enterprises a newly accepted
 * submission shares with the other units' accepted ones of its period, answered from quality_code
 * by key lookups (V5__quality_code.sql, V7__quality_code_by_code.sql).
 *
 * <p>First the pairs of rows, from quality_code alone (two tables, so no planner can make a
 * file's rows probe each other: PostgreSQL did, on statistics taken while the tables were nearly
 * empty, 200 × 200 lookups for a 200-row file); then the cells of those rows by key.
 */
@Repository
public class SharedEnterprises {

    private static final int IN_LIST = 1000;

    private final JdbcClient jdbc;

    SharedEnterprises(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A row of this submission and a row of another one with the same code. */
    private record Pair(String uscc, int row, long otherId, int otherRow) {
    }

    /**
     * The enterprises (质量提升, by USCC) that submission {@code id} shares with the other units'
     * accepted submissions of its period, in row order then unit code.
     */
    public List<SharedEnterprise> of(long id, String unit, String period) {
        Map<Long, String> others = new HashMap<>();
        long[] othersRows = {0};
        jdbc.sql("SELECT id, unit_code, rows_quality FROM submission WHERE status = ? AND period = ? AND unit_code <> ?")
                .params(SubmissionStatus.ACCEPTED.name(), period, unit)
                .query((java.sql.ResultSet rs) -> {
                    others.put(rs.getLong(1), rs.getString(2));
                    othersRows[0] += rs.getLong(3);
                });
        if (others.isEmpty()) {
            return List.of();
        }
        long ownRows = jdbc.sql("SELECT rows_quality FROM submission WHERE id = ?").param(id).query(Long.class).single();
        List<Pair> pairs = othersRows[0] < ownRows ? fromTheOthers(id, others) : byCode(id, others);
        Map<Long, Map<Integer, String>> cells = cells(pairs, id);
        return pairs.stream()
                .sorted(Comparator.comparingInt(Pair::row).thenComparing(p -> others.get(p.otherId())))
                .map(p -> new SharedEnterprise(p.uscc(), p.row(), cells.get(id).get(p.row()), p.otherId(), p.otherRow(),
                        cells.get(p.otherId()).get(p.otherRow()), others.get(p.otherId())))
                .toList();
    }

    /** Each of the file's codes looked up by code (quality_code_uscc): one lookup a row, whatever the number of units. */
    private List<Pair> byCode(long id, Map<Long, String> others) {
        return jdbc.sql("SELECT qc.uscc, qc.row_no, oc.submission_id, oc.row_no FROM quality_code qc "
                        + "JOIN quality_code oc ON oc.uscc = qc.uscc WHERE qc.submission_id = ? AND oc.submission_id <> ?")
                .params(id, id).query(SharedEnterprises::pair).list().stream()
                .filter(p -> others.containsKey(p.otherId())).toList();
    }

    /**
     * A file larger than all the others together (a million rows next to small ones) is not read:
     * the others' codes are read and looked up in its key (submission_id, uscc).
     */
    private List<Pair> fromTheOthers(long id, Map<Long, String> others) {
        return jdbc.sql("SELECT oc.uscc, qc.row_no, oc.submission_id, oc.row_no FROM quality_code oc "
                        + "JOIN quality_code qc ON qc.submission_id = ? AND qc.uscc = oc.uscc WHERE oc.submission_id IN ("
                        + others.keySet().stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")")
                .param(id).query(SharedEnterprises::pair).list();
    }

    private static Pair pair(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Pair(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getInt(4));
    }

    /** The 统一社会信用代码 cell of every row in {@code pairs}, per submission then row number, read by key. */
    private Map<Long, Map<Integer, String>> cells(List<Pair> pairs, long id) {
        Map<Long, Set<Integer>> wanted = new HashMap<>();
        for (Pair p : pairs) {
            wanted.computeIfAbsent(id, k -> new TreeSet<>()).add(p.row());
            wanted.computeIfAbsent(p.otherId(), k -> new TreeSet<>()).add(p.otherRow());
        }
        Map<Long, Map<Integer, String>> cells = new HashMap<>();
        wanted.forEach((submission, rows) -> {
            List<Integer> all = new ArrayList<>(rows);
            for (int from = 0; from < all.size(); from += IN_LIST) {
                List<Integer> part = all.subList(from, Math.min(all.size(), from + IN_LIST));
                jdbc.sql("SELECT row_no, uscc_cell FROM quality_row WHERE submission_id = ? AND row_no IN ("
                                + part.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")")
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
