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

    /** {@code issue_date}: the briefing's date, kept from its first issue. */
    void write(Briefing briefing, OffsetDateTime generatedAt, LocalDate issueDate, Path file) {
        json.write(file, figures(briefing, generatedAt, issueDate));
    }

    FiguresJson figures(Briefing briefing, OffsetDateTime generatedAt, LocalDate issueDate) {
        PeriodFigures figures = briefing.figures();
        Coverage coverage = figures.coverage();
        List<FiguresJson.UnitJson> units = figures.units().stream().map(u -> new FiguresJson.UnitJson(
                u.unit().code(), u.unit().name(), u.status(), u.figures(),
                new FiguresJson.UnitCoverage(coverage.missingMonths().getOrDefault(u.unit(), List.of())))).toList();
        Comparability ytd = briefing.yearOnYearYtdBasis();
        Comparability yoy = briefing.yearOnYearBasis();
        FiguresJson.Comparisons comparisons = new FiguresJson.Comparisons(comparison(briefing.monthOnMonthBasis(), "mom"),
                new FiguresJson.YearOnYear(yoy.other(), yoy.comparable(), status(yoy), reason(yoy, "yoy"),
                        ytd.comparable(), status(ytd), reason(ytd, "yoy_ytd")));
        List<FiguresJson.SubmissionJson> submissions = figures.submissions().stream().map(s -> new FiguresJson.SubmissionJson(
                s.unit().name(), s.file(), s.sha256(), s.version(), s.status())).toList();
        return new FiguresJson(figures.period(), generatedAt, issueDate, coverage(coverage), figures.district(), units,
                names(figures.missingUnits()), names(figures.rejectedUnits()), comparisons, submissions);
    }

    private static FiguresJson.CoverageJson coverage(Coverage coverage) {
        Map<String, List<Period>> missing = new LinkedHashMap<>();
        coverage.missingMonths().forEach((unit, months) -> missing.put(unit.name(), months));
        return new FiguresJson.CoverageJson(coverage.unitsTotal(), coverage.reported().size(), names(coverage.reported()),
                names(coverage.missing()), names(coverage.rejected()), coverage.complete(), coverage.ytdMonths(),
                coverage.ytdComplete(), missing);
    }

    private FiguresJson.Comparison comparison(Comparability basis, String which) {
        return new FiguresJson.Comparison(basis.other(), basis.comparable(), status(basis), reason(basis, which));
    }

    private String reason(Comparability basis, String which) {
        return basis.comparable() ? null : notes.reason(basis, which);
    }

    private static String status(Comparability basis) {
        return basis.kind().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static List<String> names(List<Unit> units) {
        return units.stream().map(Unit::name).toList();
    }
}
