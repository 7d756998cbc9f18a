package cn.jintan.quality.aggregate;

import cn.jintan.quality.domain.Indicator;
import cn.jintan.quality.domain.Period;
import cn.jintan.quality.domain.Unit;
import cn.jintan.quality.domain.UnitRegistry;
import cn.jintan.quality.store.PeriodOverlap;
import cn.jintan.quality.store.PeriodTallies;
import cn.jintan.quality.store.StoredSubmission;
import cn.jintan.quality.store.SubmissionStatus;
import cn.jintan.quality.store.SubmissionStore;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The indicator dictionary for a period, from the tallies of accepted submissions only
 * ({@link PeriodTallies}, taken once per submission from its rows): stocks as of the period, flows for
 * the month and year-to-date. In the district an enterprise reported by two units counts once
 * (the first unit in code order keeps it, {@link PeriodOverlap}).
 */
@Service
public class FigureCalculator {

    private static final Map<String, Indicator> KEYS = Arrays.stream(Indicator.values())
            .collect(Collectors.toMap(Indicator::key, i -> i));

    private final PeriodTallies tallies;
    private final UnitRegistry registry;
    private final SubmissionStore store;

    FigureCalculator(PeriodTallies tallies, UnitRegistry registry, SubmissionStore store) {
        this.tallies = tallies;
        this.registry = registry;
        this.store = store;
    }

    public PeriodFigures compute(Period period) {
        return compute(period, tallies.overlap(period.toString()));
    }

    /** As {@link #compute(Period)}, with the period's overlap already found (a briefing's details use it too). */
    PeriodFigures compute(Period period, PeriodOverlap overlap) {
        String month = period.toString();
        String january = period.januaryOfYear().toString();
        Map<String, Map<String, BigDecimal>> byUnit = new HashMap<>();
        perUnit(month, month, "", byUnit);
        perUnit(january, month, "_ytd", byUnit);
        Map<String, BigDecimal> district = districtStock(overlap, byUnit);
        List<StoredSubmission> submissions = store.forPeriod(month);
        Map<String, Set<String>> monthsByUnit = acceptedMonths(january, month);
        List<PeriodFigures.UnitFigures> units = new ArrayList<>();
        for (Unit unit : registry.units()) {
            String status = status(unit, submissions);
            Map<String, BigDecimal> figures = null;
            if (status.equals("accepted")) {
                figures = new LinkedHashMap<>();
                Map<String, BigDecimal> found = byUnit.getOrDefault(unit.code(), Map.of());
                for (Indicator indicator : Indicator.values()) {
                    figures.put(indicator.key(), found.getOrDefault(indicator.key(), zero(indicator)));
                    if (indicator.kind() == Indicator.Kind.FLOW) {
                        figures.put(indicator.ytdKey(), found.getOrDefault(indicator.ytdKey(), zero(indicator)));
                    }
                }
            }
            Set<String> covered = monthsByUnit.getOrDefault(unit.code(), Set.of());
            List<Period> missing = new ArrayList<>();
            for (int m = 1; m <= period.monthValue(); m++) {
                Period p = Period.of(period.year(), m);
                if (!covered.contains(p.toString())) {
                    missing.add(p);
                }
            }
            units.add(new PeriodFigures.UnitFigures(unit, status, figures, missing));
        }
        boolean anyReported = units.stream().anyMatch(PeriodFigures.UnitFigures::reported);
        // flows add up across the reporting units; stocks were deduplicated by USCC above
        for (Indicator indicator : Indicator.values()) {
            if (indicator.kind() == Indicator.Kind.FLOW) {
                district.put(indicator.key(), sum(units, indicator.key(), indicator));
                district.put(indicator.ytdKey(), sum(units, indicator.ytdKey(), indicator));
            }
        }
        if (!anyReported) {
            district.replaceAll((k, v) -> null); // nothing to sum: no figure, not zero
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

    /** Adds up the tallies of the accepted submissions of the months {@code from} to {@code to}, per unit. */
    private void perUnit(String from, String to, String suffix, Map<String, Map<String, BigDecimal>> byUnit) {
        for (PeriodTallies.UnitTally tally : tallies.unitTallies(from, to)) {
            Indicator indicator = KEYS.get(tally.figure());
            if (indicator != null && (suffix.isEmpty() || indicator.kind() == Indicator.Kind.FLOW)) {
                byUnit.computeIfAbsent(tally.unit(), k -> new HashMap<>())
                        .put(indicator.key() + suffix, value(tally.sum(), indicator));
            }
        }
    }

    /**
     * Stocks of the district: the units' sums less the rows of enterprises another unit, first in
     * code order, also reports (each enterprise counts once).
     */
    private Map<String, BigDecimal> districtStock(PeriodOverlap overlap, Map<String, Map<String, BigDecimal>> byUnit) {
        List<Indicator> stocks = Arrays.stream(Indicator.values()).filter(i -> i.kind() == Indicator.Kind.STOCK).toList();
        Map<String, BigDecimal> district = new LinkedHashMap<>();
        for (Indicator indicator : stocks) {
            district.put(indicator.key(), byUnit.values().stream().map(f -> f.getOrDefault(indicator.key(), zero(indicator)))
                    .reduce(zero(indicator), BigDecimal::add));
        }
        if (overlap.possible()) {
            List<BigDecimal> notFirst = tallies.notFirstSums(overlap, stocks);
            for (int i = 0; i < stocks.size(); i++) {
                Indicator indicator = stocks.get(i);
                district.merge(indicator.key(), value(notFirst.get(i), indicator).negate(), BigDecimal::add);
            }
        }
        return district;
    }

    private static BigDecimal value(BigDecimal v, Indicator indicator) {
        return v == null ? zero(indicator) : v.setScale(indicator.money() ? 2 : 0);
    }

    private static BigDecimal zero(Indicator indicator) {
        return BigDecimal.ZERO.setScale(indicator.money() ? 2 : 0);
    }

    private static BigDecimal sum(List<PeriodFigures.UnitFigures> units, String key, Indicator indicator) {
        return units.stream().filter(PeriodFigures.UnitFigures::reported).map(u -> u.get(key))
                .reduce(zero(indicator), BigDecimal::add);
    }

    /** The months from {@code from} to {@code to} with an accepted submission, per unit code. */
    private Map<String, Set<String>> acceptedMonths(String from, String to) {
        Map<String, Set<String>> months = new HashMap<>();
        for (PeriodTallies.UnitMonth m : tallies.acceptedMonths(from, to)) {
            months.computeIfAbsent(m.unit(), k -> new HashSet<>()).add(m.period());
        }
        return months;
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
