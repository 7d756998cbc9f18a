package cn.jintan.quality.aggregate;

import cn.jintan.quality.domain.Unit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Units ranked by one figure, highest first. Only reporting units are ranked (a unit without
 * accepted data has no figure to rank), and only when at least {@value #MINIMUM} reported
 * (indicators.md, Coverage): ranking two units says nothing about the district. Equal values share
 * a rank (1, 2, 2, 4) and are listed in registry order, so the same figures always give the same table.
 */
public record Ranking(String key, List<RankedUnit> ranked, int reporting, boolean previousRanked) {

    public static final int MINIMUM = 4;

    /** A ranked unit; {@code previousRank} is null when the unit was not ranked the month before. */
    public record RankedUnit(Unit unit, BigDecimal value, int rank, Integer previousRank) {

        /** Places gained since last month (positive = moved up), or null when there is nothing to compare. */
        public Integer rise() {
            return previousRank == null ? null : previousRank - rank;
        }
    }

    public Ranking {
        ranked = List.copyOf(ranked);
    }

    static Ranking of(String key, PeriodFigures current, Optional<PeriodFigures> previous) {
        Map<String, Integer> before = previous.map(p -> ranks(key, p)).orElse(Map.of());
        Map<String, Integer> now = ranks(key, current);
        List<RankedUnit> ranked = new ArrayList<>();
        for (PeriodFigures.UnitFigures u : accepted(key, current)) {
            if (now.containsKey(u.unit().code())) {
                ranked.add(new RankedUnit(u.unit(), u.get(key), now.get(u.unit().code()), before.get(u.unit().code())));
            }
        }
        return new Ranking(key, ranked, current.acceptedUnits().size(), !before.isEmpty());
    }

    /** Whether the period has a ranking at all (enough units reported). */
    public boolean ranks() {
        return !ranked.isEmpty();
    }

    /** The three units furthest behind, lowest first; none without a ranking. */
    public List<RankedUnit> furthestBehind() {
        List<RankedUnit> tail = new ArrayList<>(ranked.subList(Math.max(0, ranked.size() - 3), ranked.size()));
        java.util.Collections.reverse(tail);
        return tail;
    }

    public Optional<RankedUnit> of(String unitCode) {
        return ranked.stream().filter(r -> r.unit().code().equals(unitCode)).findFirst();
    }

    private static List<PeriodFigures.UnitFigures> accepted(String key, PeriodFigures figures) {
        List<PeriodFigures.UnitFigures> units = new ArrayList<>(figures.units().stream()
                .filter(u -> u.reported() && u.get(key) != null).toList());
        // stable sort: registry order among equal values
        units.sort(Comparator.comparing((PeriodFigures.UnitFigures u) -> u.get(key)).reversed());
        return units;
    }

    // No ranks at all when fewer than MINIMUM units reported.
    private static Map<String, Integer> ranks(String key, PeriodFigures figures) {
        Map<String, Integer> ranks = new HashMap<>();
        List<PeriodFigures.UnitFigures> units = accepted(key, figures);
        if (units.size() < MINIMUM) {
            return ranks;
        }
        for (int i = 0; i < units.size(); i++) {
            BigDecimal value = units.get(i).get(key);
            boolean tie = i > 0 && units.get(i - 1).get(key).compareTo(value) == 0;
            ranks.put(units.get(i).unit().code(), tie ? ranks.get(units.get(i - 1).unit().code()) : i + 1);
        }
        return ranks;
    }
}
