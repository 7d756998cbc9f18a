package cn.jintan.quality.aggregate;

import cn.jintan.quality.domain.Industry;
import cn.jintan.quality.domain.Period;
import cn.jintan.quality.domain.Unit;
import cn.jintan.quality.domain.UnitRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SQL behind {@link PeriodDetails}. Every list has a total order (registry order, then row or id),
 * so the same database always gives the same briefing.
 */
@Service
public class DetailQueries {

    private static final String ACCEPTED_QUALITY = "FROM quality_row r JOIN submission s ON s.id = r.submission_id "
            + "WHERE s.status = 'ACCEPTED' AND s.period = ?";

    /**
     * Keeps each enterprise's first row (by unit code, then row number), as the district figures
     * do (FigureCalculator.districtStock). Not a ROW_NUMBER() window: H2 materialises a window
     * whole, and at a million rows that ran a 256 MB heap out of memory; this asks the
     * quality_row(uscc) index whether an earlier row exists. Takes the period once more.
     */
    private static final String FIRST_OF_ENTERPRISE = " AND NOT EXISTS (SELECT 1 FROM quality_row e "
            + "JOIN submission es ON es.id = e.submission_id WHERE e.uscc = r.uscc AND es.status = 'ACCEPTED' "
            + "AND es.period = ? AND (es.unit_code < s.unit_code OR (es.unit_code = s.unit_code AND e.row_no < r.row_no)))";

    static final int HONOURS_LISTED = 200;
    private static final String HONOURED = " AND (r.jiangsu_boutique OR r.standard_leader OR r.award <> 'NONE')";

    private final JdbcClient jdbc;
    private final UnitRegistry registry;

    DetailQueries(JdbcClient jdbc, UnitRegistry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
    }

    public PeriodDetails of(Period period) {
        String p = period.toString();
        return new PeriodDetails(industries(p), honours(p), rejections(p), crossDuplicates(p), corrections(p),
                honoursTotal(p));
    }

    /** By industry, counting an enterprise reported by two units once, as the district figures do. */
    List<PeriodDetails.IndustryRow> industries(String period) {
        Map<String, PeriodDetails.IndustryRow> found = new HashMap<>();
        jdbc.sql("SELECT r.industry, COUNT(*), COUNT(CASE WHEN r.key_enterprise THEN 1 END), "
                        + "COUNT(CASE WHEN r.cqo THEN 1 END), "
                        + "SUM(r.std_international + r.std_national + r.std_industry + r.std_local + r.std_group) "
                        + ACCEPTED_QUALITY + FIRST_OF_ENTERPRISE + " GROUP BY r.industry")
                .params(period, period)
                .query((rs, n) -> found.put(rs.getString(1), new PeriodDetails.IndustryRow(Industry.valueOf(rs.getString(1)),
                        rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5))))
                .list();
        // every chain, in the dictionary's order, even with no enterprise this month
        return Arrays.stream(Industry.values()).map(i -> found.getOrDefault(i.name(), new PeriodDetails.IndustryRow(i,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO))).toList();
    }

    /**
     * At most {@value #HONOURS_LISTED} honoured enterprises, the highest honours first: a district has
     * a few dozen, but a province-sized period could list hundreds of thousands, more than a
     * leader reads or a night's heap holds. An enterprise reported by two units is listed once,
     * under the unit that keeps it in the district figures.
     */
    List<PeriodDetails.Honour> honours(String period) {
        List<PeriodDetails.Honour> honours = new ArrayList<>(jdbc.sql("SELECT r.enterprise_name, s.unit_code, "
                        + "r.jiangsu_boutique, r.standard_leader, r.award " + ACCEPTED_QUALITY + HONOURED + FIRST_OF_ENTERPRISE
                        + " ORDER BY CASE WHEN r.jiangsu_boutique OR r.standard_leader THEN 0 WHEN r.award = 'GOVERNOR' THEN 1"
                        + " WHEN r.award = 'MAYOR' THEN 2 ELSE 3 END, s.unit_code, r.row_no LIMIT " + HONOURS_LISTED)
                .params(period, period)
                .query((rs, n) -> new PeriodDetails.Honour(rs.getString(1), unit(rs.getString(2)), rs.getBoolean(3),
                        rs.getBoolean(4), rs.getString(5)))
                .list());
        honours.removeIf(h -> h.unit() == null);
        honours.sort(Comparator.comparingInt(h -> registry.units().indexOf(h.unit()))); // stable: row order kept
        return honours;
    }

    int honoursTotal(String period) {
        return jdbc.sql("SELECT COUNT(*) " + ACCEPTED_QUALITY + HONOURED + FIRST_OF_ENTERPRISE)
                .params(period, period).query(Integer.class).single();
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

    List<PeriodDetails.CrossDuplicate> crossDuplicates(String period) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<Unit>> units = new LinkedHashMap<>();
        jdbc.sql("SELECT r.uscc, MIN(r.enterprise_name), s.unit_code " + ACCEPTED_QUALITY
                        // another unit reported the same code: EXISTS on the quality_row(uscc) index, not an
                        // IN (... GROUP BY uscc), whose million groups H2 holds in the heap
                        + " AND EXISTS (SELECT 1 FROM quality_row e JOIN submission es ON es.id = e.submission_id "
                        + "WHERE e.uscc = r.uscc AND es.status = 'ACCEPTED' AND es.period = ? AND es.unit_code <> s.unit_code) "
                        + "GROUP BY r.uscc, s.unit_code ORDER BY r.uscc, s.unit_code")
                .params(period, period)
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
