package cn.jintan.quality.report;

import cn.jintan.quality.JsonFiles;
import cn.jintan.quality.aggregate.Briefing;
import cn.jintan.quality.aggregate.Comparability;
import cn.jintan.quality.aggregate.Coverage;
import cn.jintan.quality.aggregate.PeriodFigures;
import cn.jintan.quality.domain.Period;
import cn.jintan.quality.domain.Unit;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code figures-YYYY-MM.json}: the contract other systems read (outputs.md), with what each figure
 * covers (indicators.md, Coverage): a unit without accepted data has {@code figures: null}.
 */
final class FiguresJsonWriter {

    private final JsonFiles json;
    private final DataNotes notes;

    FiguresJsonWriter(JsonFiles json, DataNotes notes) {
        this.json = json;
        this.notes = notes;
    }

    /** {@code issue_date}: the briefing's date, kept from its first issue (an added key, like outputs.md allows). */
    void write(Briefing briefing, OffsetDateTime generatedAt, LocalDate issueDate, Path file) {
        PeriodFigures figures = briefing.figures();
        Coverage coverage = figures.coverage();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("period", figures.period().toString());
        root.put("generated_at", generatedAt.toString());
        root.put("issue_date", issueDate.toString());
        root.put("coverage", coverage(coverage));
        root.put("district", figures.district());
        root.put("units", figures.units().stream().map(u -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", u.unit().code());
            m.put("name", u.unit().name());
            m.put("status", u.status());
            m.put("figures", u.figures());
            m.put("coverage", Map.of("missing_months", months(coverage.missingMonths().getOrDefault(u.unit(), List.of()))));
            return m;
        }).toList());
        root.put("missing_units", figures.missingUnits().stream().map(Unit::name).toList());
        root.put("rejected_units", figures.rejectedUnits().stream().map(Unit::name).toList());
        Map<String, Object> comparisons = new LinkedHashMap<>();
        comparisons.put("month_on_month", comparison(briefing.monthOnMonthBasis(), "mom"));
        Map<String, Object> yoy = comparison(briefing.yearOnYearBasis(), "yoy");
        Comparability ytd = briefing.yearOnYearYtdBasis();
        yoy.put("ytd_comparable", ytd.comparable());
        yoy.put("ytd_status", status(ytd));
        yoy.put("ytd_reason", ytd.comparable() ? null : notes.reason(ytd, "yoy_ytd"));
        comparisons.put("year_on_year", yoy);
        root.put("comparisons", comparisons);
        List<Map<String, Object>> submissions = figures.submissions().stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("unit", s.unit().name());
            m.put("file", s.file());
            m.put("sha256", s.sha256());
            m.put("version", s.version());
            m.put("status", s.status());
            return m;
        }).toList();
        root.put("submissions", submissions);
        json.write(file, root);
    }

    private static Map<String, Object> coverage(Coverage coverage) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("units_total", coverage.unitsTotal());
        m.put("units_reported", coverage.reported().size());
        m.put("reported_units", coverage.reported().stream().map(Unit::name).toList());
        m.put("missing_units", coverage.missing().stream().map(Unit::name).toList());
        m.put("rejected_units", coverage.rejected().stream().map(Unit::name).toList());
        m.put("complete", coverage.complete());
        m.put("ytd_months", months(coverage.ytdMonths()));
        m.put("ytd_complete", coverage.ytdComplete());
        Map<String, Object> missing = new LinkedHashMap<>();
        coverage.missingMonths().forEach((unit, months) -> missing.put(unit.name(), months(months)));
        m.put("missing_months", missing);
        return m;
    }

    private Map<String, Object> comparison(Comparability basis, String which) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("period", basis.other().toString());
        m.put("comparable", basis.comparable());
        m.put("status", status(basis));
        m.put("reason", basis.comparable() ? null : notes.reason(basis, which));
        return m;
    }

    private static String status(Comparability basis) {
        return basis.kind().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static List<String> months(List<Period> months) {
        return months.stream().map(Period::toString).toList();
    }
}
