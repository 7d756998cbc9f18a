package cn.jintan.quality.aggregate;

import cn.jintan.quality.PipelineProperties;
import cn.jintan.quality.domain.AnnualTargets;
import cn.jintan.quality.domain.Period;
import cn.jintan.quality.domain.UnitRegistry;
import cn.jintan.quality.store.PeriodOverlap;
import cn.jintan.quality.store.PeriodTallies;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Assembles a {@link Briefing}: the period's figures plus the comparisons, targets, ranking and
 * lists the leaders read. Comparisons use {@link FigureCalculator} on the other periods, and only
 * where those periods exist, i.e. have at least one accepted submission.
 */
@Service
public class BriefingFacts {

    private final FigureCalculator calculator;
    private final DetailQueries details;
    private final PeriodTallies tallies;
    private final AnnualTargets targets;
    private final String rankingKey;
    private final UnitRegistry registry;

    BriefingFacts(FigureCalculator calculator, DetailQueries details, PeriodTallies tallies, AnnualTargets targets,
                  PipelineProperties properties, UnitRegistry registry) {
        this.calculator = calculator;
        this.registry = registry;
        this.details = details;
        this.tallies = tallies;
        this.targets = targets;
        this.rankingKey = properties.rankingIndicator(); // a figure key: checked at start-up
    }

    public Briefing of(Period period) {
        // the enterprises units share, found once: the figures and the details both start from them
        PeriodOverlap overlap = tallies.overlap(period.toString());
        PeriodFigures figures = calculator.compute(period, overlap);
        PeriodFigures previous = ifExists(period.previous()).orElse(null);
        PeriodFigures lastYear = ifExists(period.sameMonthLastYear()).orElse(null);
        return new Briefing(figures, previous, lastYear, progress(figures), Ranking.of(rankingKey, figures,
                Optional.ofNullable(previous)), details.of(period, overlap), monthlyFinancing(period));
    }

    private Optional<PeriodFigures> ifExists(Period period) {
        return tallies.hasAccepted(period.toString()) ? Optional.of(calculator.compute(period)) : Optional.empty();
    }

    private List<TargetProgress> progress(PeriodFigures figures) {
        List<TargetProgress> progress = new ArrayList<>();
        targets.of(figures.period().year()).forEach((key, target) -> {
            BigDecimal actual = figures.district().get(key);
            if (actual != null) { // no unit reported: no figure to measure against the target
                progress.add(TargetProgress.of(key, actual, target, figures.period().monthValue()));
            }
        });
        return progress;
    }

    /** January to December, this year up to the period and last year in full, where a month has data. */
    private List<Briefing.MonthlyAmount> monthlyFinancing(Period period) {
        String from = Period.of(period.year() - 1, 1).toString();
        Map<String, BigDecimal> byMonth = new HashMap<>();
        tallies.monthlyFinancing(from, period.toString()).forEach(m -> byMonth.put(m.period(), m.amount().setScale(2)));
        // units reporting per month, registry units only: a month some units left out is partial
        java.util.Set<String> codes = new java.util.HashSet<>();
        registry.units().forEach(u -> codes.add(u.code()));
        Map<String, Integer> reporting = new HashMap<>();
        tallies.acceptedMonths(from, period.toString()).stream().filter(m -> codes.contains(m.unit()))
                .forEach(m -> reporting.merge(m.period(), 1, Integer::sum));
        int total = registry.units().size();
        List<Briefing.MonthlyAmount> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            String now = Period.of(period.year(), m).toString();
            String before = Period.of(period.year() - 1, m).toString();
            boolean hasNow = m <= period.monthValue() && reporting.containsKey(now);
            boolean hasBefore = reporting.containsKey(before);
            months.add(new Briefing.MonthlyAmount(m,
                    hasNow ? byMonth.getOrDefault(now, BigDecimal.ZERO.setScale(2)) : null,
                    hasBefore ? byMonth.getOrDefault(before, BigDecimal.ZERO.setScale(2)) : null,
                    hasNow && reporting.get(now) < total, hasBefore && reporting.get(before) < total));
        }
        return months;
    }
}
