package cn.jintan.quality.aggregate;

import cn.jintan.quality.domain.Period;
import cn.jintan.quality.domain.Unit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a period's figures are made of (indicators.md, Coverage): how many of the registry's units
 * reported, which did not (missing: nothing received; rejected: nothing accepted), and per unit
 * the months January..period without an accepted submission. A unit that did not report misses
 * at least the period itself.
 */
public record Coverage(Period period, int unitsTotal, List<Unit> reported, List<Unit> missing, List<Unit> rejected,
                       Map<Unit, List<Period>> missingMonths) {

    public Coverage {
        reported = List.copyOf(reported);
        missing = List.copyOf(missing);
        rejected = List.copyOf(rejected);
        missingMonths = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(missingMonths));
    }

    static Coverage of(PeriodFigures figures) {
        Period period = figures.period();
        Map<Unit, List<Period>> gaps = new LinkedHashMap<>();
        for (PeriodFigures.UnitFigures u : figures.units()) {
            TreeSet<Period> months = new TreeSet<>(u.missingMonths());
            if (!u.reported()) {
                months.add(period);
            }
            if (!months.isEmpty()) {
                gaps.put(u.unit(), List.copyOf(months));
            }
        }
        return new Coverage(period, figures.units().size(), figures.acceptedUnits(), figures.missingUnits(),
                figures.rejectedUnits(), gaps);
    }

    /** Every registry unit reported for the period. */
    public boolean complete() {
        return reported.size() == unitsTotal;
    }

    /** No unit of the registry misses any month of the year to date. */
    public boolean ytdComplete() {
        return missingMonths.isEmpty();
    }

    public boolean anyReported() {
        return !reported.isEmpty();
    }

    /** January..period. */
    public List<Period> ytdMonths() {
        List<Period> months = new ArrayList<>();
        for (int m = 1; m <= period.monthValue(); m++) {
            months.add(Period.of(period.year(), m));
        }
        return months;
    }

    /**
     * The year to date gaps of the units that reported, the ones inside the printed sums (a unit
     * that did not report is left out of every sum and named as such).
     */
    public Map<Unit, List<Period>> ytdGaps() {
        Map<Unit, List<Period>> gaps = new LinkedHashMap<>();
        missingMonths.forEach((unit, months) -> {
            if (reported.contains(unit)) {
                gaps.put(unit, months);
            }
        });
        return gaps;
    }
}
