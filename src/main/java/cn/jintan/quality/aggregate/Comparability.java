package cn.jintan.quality.aggregate;

import cn.jintan.quality.domain.Period;
import cn.jintan.quality.domain.Unit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Whether two periods' figures can be compared (indicators.md, Coverage): like for like means the
 * same reporting units in both, and for a year to date also the same months of each unit.
 * {@code onlyNow} and {@code onlyThen} name what differs; months are empty where a whole unit differs.
 */
public record Comparability(Kind kind, Period other, List<UnitMonths> onlyNow, List<UnitMonths> onlyThen) {

    public enum Kind { COMPARABLE, NO_DATA, NOT_LIKE_FOR_LIKE }

    /** A unit, and the months of the year (1-12) that differ; no months: the unit as a whole. */
    public record UnitMonths(Unit unit, List<Integer> months) {
        public UnitMonths {
            months = List.copyOf(months);
        }
    }

    public Comparability {
        onlyNow = List.copyOf(onlyNow);
        onlyThen = List.copyOf(onlyThen);
    }

    public boolean comparable() {
        return kind == Kind.COMPARABLE;
    }

    /** By reporting units: stocks, and flows of one month. */
    static Comparability byUnits(PeriodFigures now, PeriodFigures then, Period other) {
        if (then == null || !now.coverage().anyReported() || !then.coverage().anyReported()) {
            return new Comparability(Kind.NO_DATA, other, List.of(), List.of());
        }
        List<Unit> a = now.acceptedUnits();
        List<Unit> b = then.acceptedUnits();
        List<UnitMonths> onlyNow = a.stream().filter(u -> !b.contains(u)).map(u -> new UnitMonths(u, List.of())).toList();
        List<UnitMonths> onlyThen = b.stream().filter(u -> !a.contains(u)).map(u -> new UnitMonths(u, List.of())).toList();
        return of(other, onlyNow, onlyThen);
    }

    /** By (unit, month of year) pairs summed in a year to date: reporting units and their months. */
    static Comparability byUnitMonths(PeriodFigures now, PeriodFigures then, Period other) {
        if (then == null || !now.coverage().anyReported() || !then.coverage().anyReported()) {
            return new Comparability(Kind.NO_DATA, other, List.of(), List.of());
        }
        Map<Unit, TreeSet<Integer>> a = summedMonths(now);
        Map<Unit, TreeSet<Integer>> b = summedMonths(then);
        List<UnitMonths> onlyNow = new ArrayList<>();
        List<UnitMonths> onlyThen = new ArrayList<>();
        for (PeriodFigures.UnitFigures u : now.units()) { // registry order
            TreeSet<Integer> mine = a.getOrDefault(u.unit(), new TreeSet<>());
            TreeSet<Integer> theirs = b.getOrDefault(u.unit(), new TreeSet<>());
            if (!Objects.equals(mine, theirs)) {
                difference(u.unit(), mine, theirs, onlyNow);
                difference(u.unit(), theirs, mine, onlyThen);
            }
        }
        return of(other, onlyNow, onlyThen);
    }

    private static void difference(Unit unit, TreeSet<Integer> from, TreeSet<Integer> less, List<UnitMonths> into) {
        TreeSet<Integer> left = new TreeSet<>(from);
        left.removeAll(less);
        if (!left.isEmpty()) {
            into.add(new UnitMonths(unit, less.isEmpty() ? List.of() : List.copyOf(left)));
        }
    }

    private static Comparability of(Period other, List<UnitMonths> onlyNow, List<UnitMonths> onlyThen) {
        return new Comparability(onlyNow.isEmpty() && onlyThen.isEmpty() ? Kind.COMPARABLE : Kind.NOT_LIKE_FOR_LIKE,
                other, onlyNow, onlyThen);
    }

    // The months each reporting unit's year to date adds up; units that did not report are in no sum.
    private static Map<Unit, TreeSet<Integer>> summedMonths(PeriodFigures figures) {
        Map<Unit, TreeSet<Integer>> months = new LinkedHashMap<>();
        for (PeriodFigures.UnitFigures u : figures.units()) {
            if (u.reported()) {
                TreeSet<Integer> set = new TreeSet<>();
                for (int m = 1; m <= figures.period().monthValue(); m++) {
                    set.add(m);
                }
                u.missingMonths().forEach(p -> set.remove(p.monthValue()));
                months.put(u.unit(), set);
            }
        }
        return months;
    }
}
