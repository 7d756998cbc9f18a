package cn.jintan.quality.aggregate;

import cn.jintan.quality.domain.Indicator;
import cn.jintan.quality.domain.Period;
import cn.jintan.quality.domain.Unit;
import cn.jintan.quality.domain.UnitRegistry;
import cn.jintan.quality.store.StoredSubmission;
import cn.jintan.quality.store.SubmissionStatus;
import cn.jintan.quality.store.SubmissionStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Aggregates the indicator dictionary in SQL, over the rows of accepted submissions only:
 * stocks as of the period, flows for the month and year-to-date. In the district an enterprise
 * reported by two units counts once (the first unit in code order keeps it).
 */
@Service
public class FigureCalculator {

    private final JdbcClient jdbc;
    private final UnitRegistry registry;
    private final SubmissionStore store;

    FigureCalculator(JdbcClient jdbc, UnitRegistry registry, SubmissionStore store) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.store = store;
    }

    public PeriodFigures compute(Period period) {
        String month = period.toString();
        String january = period.januaryOfYear().toString();
        Map<String, Map<String, BigDecimal>> byUnit = new HashMap<>();
        Map<String, BigDecimal> district = new LinkedHashMap<>();
        for (Indicator.Source source : Indicator.Source.values()) {
            List<Indicator> indicators = Arrays.stream(Indicator.values()).filter(i -> i.source() == source).toList();
            if (source.kind() == Indicator.Kind.STOCK) {
                perUnit(source, indicators, month, month, "", byUnit);
                district.putAll(districtStock(source, indicators, month));
            } else {
                perUnit(source, indicators, month, month, "", byUnit);
                perUnit(source, indicators, january, month, "_ytd", byUnit);
            }
        }
        List<StoredSubmission> submissions = store.forPeriod(month);
        List<PeriodFigures.UnitFigures> units = new ArrayList<>();
        for (Unit unit : registry.units()) {
            Map<String, BigDecimal> figures = new LinkedHashMap<>();
            Map<String, BigDecimal> found = byUnit.getOrDefault(unit.code(), Map.of());
            for (Indicator indicator : Indicator.values()) {
                figures.put(indicator.key(), found.getOrDefault(indicator.key(), zero(indicator)));
                if (indicator.kind() == Indicator.Kind.FLOW) {
                    figures.put(indicator.ytdKey(), found.getOrDefault(indicator.ytdKey(), zero(indicator)));
                }
            }
            units.add(new PeriodFigures.UnitFigures(unit, status(unit, submissions), figures));
        }
        // flows add up across units; stocks were deduplicated by USCC above
        for (Indicator indicator : Indicator.values()) {
            if (indicator.kind() == Indicator.Kind.FLOW) {
                district.put(indicator.key(), sum(units, indicator.key(), indicator));
                district.put(indicator.ytdKey(), sum(units, indicator.ytdKey(), indicator));
            }
        }
        Map<String, Unit> unitsByCode = registry.units().stream().collect(Collectors.toMap(Unit::code, u -> u));
        List<PeriodFigures.SubmissionRef> refs = submissions.stream()
                .filter(s -> unitsByCode.containsKey(s.unitCode()))
                .map(s -> new PeriodFigures.SubmissionRef(unitsByCode.get(s.unitCode()), s.fileName(), s.sha256(),
                        s.version() == null ? 0 : s.version(), s.status().json()))
                .toList();
        return new PeriodFigures(period, ordered(district), units, refs);
    }

    private static String status(Unit unit, List<StoredSubmission> submissions) {
        List<SubmissionStatus> statuses = submissions.stream().filter(s -> unit.code().equals(s.unitCode()))
                .map(StoredSubmission::status).toList();
        if (statuses.contains(SubmissionStatus.ACCEPTED)) {
            return "accepted";
        }
        return statuses.contains(SubmissionStatus.REJECTED) ? "rejected" : "missing";
    }

    private void perUnit(Indicator.Source source, List<Indicator> indicators, String from, String to, String suffix,
                         Map<String, Map<String, BigDecimal>> byUnit) {
        String sql = "SELECT s.unit_code, " + selectList(indicators) + " FROM " + source.table() + " r "
                + "JOIN submission s ON s.id = r.submission_id "
                + "WHERE s.status = 'ACCEPTED' AND s.period BETWEEN ? AND ? GROUP BY s.unit_code";
        jdbc.sql(sql).params(from, to).query((ResultSet rs) -> {
            Map<String, BigDecimal> figures = byUnit.computeIfAbsent(rs.getString(1), k -> new HashMap<>());
            for (int i = 0; i < indicators.size(); i++) {
                figures.put(indicators.get(i).key() + suffix, value(rs, i + 2, indicators.get(i)));
            }
        });
    }

    private Map<String, BigDecimal> districtStock(Indicator.Source source, List<Indicator> indicators, String month) {
        // each enterprise once: its first row by unit code, then row number. Not a ROW_NUMBER() window:
        // H2 materialises a window whole, and a million rows ran a 256 MB heap out of memory; this
        // streams the rows and asks the quality_uscc index whether an earlier one exists
        String sql = "SELECT " + selectList(indicators) + " FROM " + source.table() + " r "
                + "JOIN submission s ON s.id = r.submission_id "
                + "WHERE s.status = 'ACCEPTED' AND s.period = ? AND NOT EXISTS ("
                + "SELECT 1 FROM " + source.table() + " e JOIN submission es ON es.id = e.submission_id "
                + "WHERE e.uscc = r.uscc AND es.status = 'ACCEPTED' AND es.period = ? "
                + "AND (es.unit_code < s.unit_code OR (es.unit_code = s.unit_code AND e.row_no < r.row_no)))";
        return jdbc.sql(sql).params(month, month).query((rs, n) -> {
            Map<String, BigDecimal> figures = new LinkedHashMap<>();
            for (int i = 0; i < indicators.size(); i++) {
                figures.put(indicators.get(i).key(), value(rs, i + 1, indicators.get(i)));
            }
            return figures;
        }).single();
    }

    private static String selectList(List<Indicator> indicators) {
        return indicators.stream().map(Indicator::aggregate).collect(Collectors.joining(", "));
    }

    private static BigDecimal value(ResultSet rs, int column, Indicator indicator) throws SQLException {
        BigDecimal v = rs.getBigDecimal(column);
        return v == null ? zero(indicator) : v.setScale(indicator.money() ? 2 : 0);
    }

    private static BigDecimal zero(Indicator indicator) {
        return BigDecimal.ZERO.setScale(indicator.money() ? 2 : 0);
    }

    private static BigDecimal sum(List<PeriodFigures.UnitFigures> units, String key, Indicator indicator) {
        return units.stream().map(u -> u.figures().get(key)).reduce(zero(indicator), BigDecimal::add);
    }

    /** Dictionary order: every key, then its _ytd, as figures JSON lists them. */
    private static Map<String, BigDecimal> ordered(Map<String, BigDecimal> district) {
        Map<String, BigDecimal> ordered = new LinkedHashMap<>();
        for (Indicator indicator : Indicator.values()) {
            ordered.put(indicator.key(), district.get(indicator.key()));
            if (indicator.kind() == Indicator.Kind.FLOW) {
                ordered.put(indicator.ytdKey(), district.get(indicator.ytdKey()));
            }
        }
        return ordered;
    }
}
