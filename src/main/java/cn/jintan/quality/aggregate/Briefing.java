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

    /** Financing amount (万元) of one month this year and the same month last year; null where no data. */
    public record MonthlyAmount(int month, BigDecimal thisYear, BigDecimal lastYear) {
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

    /**
     * 环比: a stock's month-end value, or a flow's month, against the previous month. Empty when the
     * previous month has no accepted submission.
     */
    public Optional<Change> monthOnMonth(Indicator indicator) {
        return previous == null ? Optional.empty()
                : Optional.of(new Change(value(figures, indicator.key()), value(previous, indicator.key())));
    }

    /**
     * 同比: a stock's month-end value, or a flow's year to date, against the same month a year
     * earlier. Empty when that period has no accepted submission.
     */
    public Optional<Change> yearOnYear(Indicator indicator) {
        String key = indicator.kind() == Indicator.Kind.STOCK ? indicator.key() : indicator.ytdKey();
        return lastYear == null ? Optional.empty()
                : Optional.of(new Change(value(figures, key), value(lastYear, key)));
    }

    public Optional<PeriodFigures> previousMonth() {
        return Optional.ofNullable(previous);
    }

    public Optional<PeriodFigures> sameMonthLastYear() {
        return Optional.ofNullable(lastYear);
    }

    private static BigDecimal value(PeriodFigures figures, String key) {
        BigDecimal v = figures.district().get(key);
        return v == null ? BigDecimal.ZERO : v;
    }
}
