package cn.jintan.quality.aggregate;

import cn.jintan.quality.domain.Indicator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Everything one briefing says, computed before any rendering: the period's figures, the same
 * figures of the previous month and of the same month a year earlier (null when that period has
 * no accepted submission), target progress, the ranking, the detail lists and the monthly
 * financing of this year and the last.
 */
public record Briefing(PeriodFigures figures, PeriodFigures previous, PeriodFigures lastYear,
                       List<TargetProgress> targets, Ranking ranking, PeriodDetails details,
                       List<MonthlyAmount> monthlyFinancing) {

    /**
     * Financing amount (万元) of one month this year and the same month last year; null where no
     * data; {@code partial} where only some of the registry's units reported that month.
     */
    public record MonthlyAmount(int month, BigDecimal thisYear, BigDecimal lastYear, boolean thisYearPartial,
                                boolean lastYearPartial) {
        MonthlyAmount(int month, BigDecimal thisYear, BigDecimal lastYear) {
            this(month, thisYear, lastYear, false, false);
        }
    }

    public Briefing {
        targets = List.copyOf(targets);
        monthlyFinancing = List.copyOf(monthlyFinancing);
    }

    /** A briefing of the figures alone: no history, no targets, no details (tests, previews). */
    public static Briefing of(PeriodFigures figures, String rankingKey) {
        return new Briefing(figures, null, null, List.of(), Ranking.of(rankingKey, figures, Optional.empty()),
                PeriodDetails.empty(), List.of());
    }

    /** Whether 环比 is like for like: the same reporting units this month and last. */
    public Comparability monthOnMonthBasis() {
        return Comparability.byUnits(figures, previous, figures.period().previous());
    }

    /** Whether 同比 of a stock is like for like: the same reporting units as a year earlier. */
    public Comparability yearOnYearBasis() {
        return Comparability.byUnits(figures, lastYear, figures.period().sameMonthLastYear());
    }

    /** Whether 同比 of a year to date is like for like: the same units and months as a year earlier. */
    public Comparability yearOnYearYtdBasis() {
        return Comparability.byUnitMonths(figures, lastYear, figures.period().sameMonthLastYear());
    }

    /** 环比: a stock's month-end value, or a flow's month, against the previous month. */
    public Comparison monthOnMonth(Indicator indicator) {
        return compare(monthOnMonthBasis(), previous, indicator.key());
    }

    /** 同比: a stock's month-end value, or a flow's year to date, against the same month a year earlier. */
    public Comparison yearOnYear(Indicator indicator) {
        return indicator.kind() == Indicator.Kind.STOCK
                ? compare(yearOnYearBasis(), lastYear, indicator.key())
                : compare(yearOnYearYtdBasis(), lastYear, indicator.ytdKey());
    }

    public Optional<PeriodFigures> previousMonth() {
        return Optional.ofNullable(previous);
    }

    public Optional<PeriodFigures> sameMonthLastYear() {
        return Optional.ofNullable(lastYear);
    }

    private Comparison compare(Comparability basis, PeriodFigures other, String key) {
        if (!basis.comparable()) {
            return new Comparison(basis, null);
        }
        return new Comparison(basis, new Change(value(figures, key), value(other, key)));
    }

    // Both periods reported, so a missing key means no rows were aggregated: zero.
    private static BigDecimal value(PeriodFigures figures, String key) {
        BigDecimal v = figures.district().get(key);
        return v == null ? BigDecimal.ZERO : v;
    }
}
