package cn.jintan.quality.aggregate;

import cn.jintan.quality.domain.Industry;
import cn.jintan.quality.domain.Period;
import cn.jintan.quality.domain.Unit;
import cn.jintan.quality.domain.UnitRegistry;
import cn.jintan.quality.store.Tallies;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SQL behind {@link PeriodDetails}. Every list has a total order (registry order, then row or id),
 * so the same database always gives the same briefing.
 */
@Service
public class DetailQueries {

    static final int HONOURS_LISTED = 200;
    private static final String HONOURED = " AND " + Tallies.HONOURED;

    private final JdbcClient jdbc;
    private final UnitRegistry registry;

    DetailQueries(JdbcClient jdbc, UnitRegistry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
    }

    public PeriodDetails of(Period period) {
        String p = period.toString();
        Overlap overlap = Overlap.of(jdbc, p);
        Map<Long, Map<Integer, Set<Integer>>> keptElsewhere = honouredKeptElsewhere(overlap);
        return new PeriodDetails(industries(p, overlap), honours(overlap, keptElsewhere), rejections(p),
                crossDuplicates(overlap), corrections(p), honoursTotal(p, keptElsewhere));
    }

    /**
     * By industry, from the submissions' tallies, counting an enterprise reported by two units
     * once, as the district figures do.
     */
    List<PeriodDetails.IndustryRow> industries(String period, Overlap overlap) {
        Map<String, long[]> found = new HashMap<>();
        jdbc.sql("SELECT i.industry, SUM(i.enterprises), SUM(i.key_enterprises), SUM(i.cqo_enterprises), SUM(i.standards) "
                        + "FROM submission_industry i JOIN submission s ON s.id = i.submission_id "
                        + "WHERE s.status = 'ACCEPTED' AND s.period = ? GROUP BY i.industry")
                .param(period)
                .query((ResultSet rs) -> add(found, rs, 1));
        if (overlap.possible()) {
            jdbc.sql("SELECT r.industry, " + Tallies.INDUSTRY_AGGREGATES + " " + Overlap.SHARED_ROWS
                            + "WHERE r.submission_id IN (" + overlap.ids() + ") AND " + overlap.notFirst() + " GROUP BY r.industry")
                    .query((ResultSet rs) -> add(found, rs, -1));
        }
        // every chain, in the dictionary's order, even with no enterprise this month
        return Arrays.stream(Industry.values()).map(i -> {
            long[] n = found.getOrDefault(i.name(), new long[4]);
            return new PeriodDetails.IndustryRow(i, BigDecimal.valueOf(n[0]), BigDecimal.valueOf(n[1]),
                    BigDecimal.valueOf(n[2]), BigDecimal.valueOf(n[3]));
        }).toList();
    }

    private static void add(Map<String, long[]> found, ResultSet rs, int sign) throws SQLException {
        long[] n = found.computeIfAbsent(rs.getString(1), k -> new long[4]);
        for (int i = 0; i < 4; i++) {
            n[i] += sign * rs.getLong(i + 2);
        }
    }

    /**
     * At most {@value #HONOURS_LISTED} honoured enterprises, the highest honours first: a district has
     * a few dozen, but a province-sized period could list hundreds of thousands, more than a
     * leader reads or a night's heap holds. An enterprise reported by two units is listed once,
     * under the unit that keeps it in the district figures.
     */
    List<PeriodDetails.Honour> honours(Overlap overlap, Map<Long, Map<Integer, Set<Integer>>> keptElsewhere) {
        // rank by rank, unit by unit (code order), each step reading only the rows it lists through the
        // quality_honours index (submission, rank, row): never every honoured row of the period
        List<PeriodDetails.Honour> honours = new ArrayList<>();
        for (int rank = 0; rank <= 3 && honours.size() < HONOURS_LISTED; rank++) {
            for (Overlap.Accepted submission : overlap.byUnit()) {
                int wanted = HONOURS_LISTED - honours.size();
                if (wanted == 0) {
                    break;
                }
                Unit unit = unit(submission.unit());
                if (unit == null) {
                    continue; // a unit since taken out of the registry is not listed
                }
                Set<Integer> skip = keptElsewhere.getOrDefault(submission.id(), Map.of()).getOrDefault(rank, Set.of());
                jdbc.sql("SELECT r.row_no, r.enterprise_name, r.jiangsu_boutique, r.standard_leader, r.award "
                                + "FROM quality_row r USE INDEX (quality_honours) WHERE r.submission_id = ? AND r.honour_rank = ?"
                                + " ORDER BY r.submission_id, r.honour_rank, r.row_no LIMIT " + (wanted + skip.size()))
                        .params(submission.id(), rank)
                        .query((rs, n) -> skip.contains(rs.getInt(1)) ? null : new PeriodDetails.Honour(rs.getString(2),
                                unit, rs.getBoolean(3), rs.getBoolean(4), rs.getString(5)))
                        .list().stream().filter(java.util.Objects::nonNull).limit(wanted).forEach(honours::add);
            }
        }
        honours.sort(Comparator.comparingInt(h -> registry.units().indexOf(h.unit()))); // stable: row order kept
        return honours;
    }

    int honoursTotal(String period, Map<Long, Map<Integer, Set<Integer>>> keptElsewhere) {
        int tallied = jdbc.sql("SELECT COALESCE(SUM(t.tally_value), 0) FROM submission_tally t "
                        + "JOIN submission s ON s.id = t.submission_id "
                        + "WHERE s.status = 'ACCEPTED' AND s.period = ? AND t.figure = '" + Tallies.HONOURED_KEY + "'")
                .param(period).query(Integer.class).single();
        return tallied - keptElsewhere.values().stream().flatMap(byRank -> byRank.values().stream()).mapToInt(Set::size).sum();
    }

    /**
     * The honoured rows, per submission and rank, of enterprises another unit (first in code order)
     * also reports: they are listed and counted under that unit. Read once per period, through the
     * uscc index; the honours list and its total both leave them out.
     */
    private Map<Long, Map<Integer, Set<Integer>>> honouredKeptElsewhere(Overlap overlap) {
        Map<Long, Map<Integer, Set<Integer>>> found = new HashMap<>();
        if (overlap.possible()) {
            jdbc.sql("SELECT r.submission_id, r.honour_rank, r.row_no " + Overlap.SHARED_ROWS + "WHERE r.submission_id IN ("
                            + overlap.ids() + ")" + HONOURED + " AND " + overlap.notFirst())
                    .query((ResultSet rs) -> {
                        found.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                                .computeIfAbsent(rs.getInt(2), k -> new HashSet<>()).add(rs.getInt(3));
                    });
        }
        return found;
    }

    List<PeriodDetails.Rejection> rejections(String period) {
        List<PeriodDetails.Rejection> rejections = new ArrayList<>();
        jdbc.sql("SELECT s.id, s.unit_code, s.file_name, s.version FROM submission s "
                        + "WHERE s.status = 'REJECTED' AND s.period = ? ORDER BY s.unit_code, s.version, s.id")
                .param(period)
                .query((rs, n) -> {
                    Unit unit = unit(rs.getString(2));
                    if (unit != null) {
                        List<String> codes = jdbc.sql("SELECT code FROM submission_issue WHERE submission_id = ? "
                                        + "AND severity = 'ERROR' GROUP BY code ORDER BY MIN(id)")
                                .param(rs.getLong(1)).query(String.class).list();
                        rejections.add(new PeriodDetails.Rejection(unit, rs.getString(3), rs.getInt(4), codes));
                    }
                    return null;
                }).list();
        rejections.sort(Comparator.comparingInt(r -> registry.units().indexOf(r.unit())));
        return rejections;
    }

    /** Enterprises more than one unit reports, read through the uscc index, never the whole period. */
    List<PeriodDetails.CrossDuplicate> crossDuplicates(Overlap overlap) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<Unit>> units = new LinkedHashMap<>();
        if (!overlap.possible()) {
            return List.of();
        }
        jdbc.sql("SELECT r.uscc, MIN(r.enterprise_name), s.unit_code " + Overlap.SHARED_ROWS
                        + "WHERE r.submission_id IN (" + overlap.ids() + ") AND r.uscc IN (" + overlap.shared() + ") "
                        + "GROUP BY r.uscc, s.unit_code ORDER BY r.uscc, s.unit_code")
                .query((rs, n) -> {
                    String uscc = rs.getString(1);
                    names.putIfAbsent(uscc, rs.getString(2));
                    Optional.ofNullable(unit(rs.getString(3)))
                            .ifPresent(u -> units.computeIfAbsent(uscc, k -> new ArrayList<>()).add(u));
                    return null;
                }).list();
        return names.entrySet().stream().map(e -> {
            List<Unit> found = new ArrayList<>(units.getOrDefault(e.getKey(), List.of()));
            found.sort(Comparator.comparingInt(u -> registry.units().indexOf(u)));
            return new PeriodDetails.CrossDuplicate(e.getKey(), e.getValue(), found);
        }).toList();
    }

    List<PeriodDetails.Correction> corrections(String period) {
        List<PeriodDetails.Correction> corrections = new ArrayList<>(jdbc.sql("SELECT s.unit_code, s.file_name, s.version, n.version "
                        + "FROM submission s JOIN submission n ON n.id = s.superseded_by "
                        + "WHERE s.status = 'SUPERSEDED' AND s.period = ? ORDER BY s.unit_code, s.version")
                .param(period)
                .query((rs, n) -> new PeriodDetails.Correction(unit(rs.getString(1)), rs.getString(2), rs.getInt(3), rs.getInt(4)))
                .list());
        corrections.removeIf(c -> c.unit() == null);
        corrections.sort(Comparator.comparingInt(c -> registry.units().indexOf(c.unit())));
        return corrections;
    }

    private Unit unit(String code) {
        return code == null ? null : registry.byCode(code).orElse(null);
    }
}
