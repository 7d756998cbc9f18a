package cn.jintan.quality.aggregate;

import cn.jintan.quality.domain.Industry;
import cn.jintan.quality.domain.Period;
import cn.jintan.quality.domain.Unit;
import cn.jintan.quality.domain.UnitRegistry;
import cn.jintan.quality.store.PeriodLists;
import cn.jintan.quality.store.PeriodOverlap;
import cn.jintan.quality.store.PeriodTallies;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link PeriodDetails} from the lists {@link PeriodLists} reads. Every list has a total order
 * (registry order, then row or id), so the same database always gives the same briefing.
 */
@Service
class DetailQueries {

    static final int HONOURS_LISTED = 200;

    private final PeriodLists lists;
    private final PeriodTallies tallies;
    private final UnitRegistry registry;

    DetailQueries(PeriodLists lists, PeriodTallies tallies, UnitRegistry registry) {
        this.lists = lists;
        this.tallies = tallies;
        this.registry = registry;
    }

    PeriodDetails of(Period period) {
        return of(period, tallies.overlap(period.toString()));
    }

    /** The details with the period's overlap the figures were computed with (found once per briefing). */
    PeriodDetails of(Period period, PeriodOverlap overlap) {
        String p = period.toString();
        Map<Long, Map<Integer, Set<Integer>>> keptElsewhere = honouredKeptElsewhere(overlap);
        return new PeriodDetails(industries(p, overlap), honours(overlap, keptElsewhere), rejections(p),
                crossDuplicates(overlap), corrections(p), honoursTotal(p, keptElsewhere));
    }

    /**
     * By industry, from the submissions' tallies, counting an enterprise reported by two units
     * once, as the district figures do.
     */
    List<PeriodDetails.IndustryRow> industries(String period, PeriodOverlap overlap) {
        Map<String, long[]> found = new HashMap<>();
        lists.industries(period).forEach(i -> add(found, i, 1));
        if (overlap.possible()) {
            lists.industriesNotFirst(overlap).forEach(i -> add(found, i, -1));
        }
        // every chain, in the dictionary's order, even with no enterprise this month
        return Arrays.stream(Industry.values()).map(i -> {
            long[] n = found.getOrDefault(i.name(), new long[4]);
            return new PeriodDetails.IndustryRow(i, BigDecimal.valueOf(n[0]), BigDecimal.valueOf(n[1]),
                    BigDecimal.valueOf(n[2]), BigDecimal.valueOf(n[3]));
        }).toList();
    }

    private static void add(Map<String, long[]> found, PeriodLists.IndustryCounts counts, int sign) {
        long[] n = found.computeIfAbsent(counts.industry(), k -> new long[4]);
        n[0] += sign * counts.enterprises();
        n[1] += sign * counts.keyEnterprises();
        n[2] += sign * counts.cqoEnterprises();
        n[3] += sign * counts.standards();
    }

    /**
     * At most {@value #HONOURS_LISTED} honoured enterprises, the highest honours first: a district has
     * a few dozen, but a province-sized period could list hundreds of thousands, more than a
     * leader reads or a night's heap holds. An enterprise reported by two units is listed once,
     * under the unit that keeps it in the district figures.
     */
    List<PeriodDetails.Honour> honours(PeriodOverlap overlap, Map<Long, Map<Integer, Set<Integer>>> keptElsewhere) {
        // rank by rank, unit by unit (code order), each step reading only the rows it lists
        List<PeriodDetails.Honour> honours = new ArrayList<>();
        for (int rank = 0; rank <= 3 && honours.size() < HONOURS_LISTED; rank++) {
            for (PeriodOverlap.Accepted submission : overlap.byUnit()) {
                int wanted = HONOURS_LISTED - honours.size();
                if (wanted == 0) {
                    break;
                }
                Unit unit = unit(submission.unit());
                if (unit == null) {
                    continue; // a unit since taken out of the registry is not listed
                }
                Set<Integer> skip = keptElsewhere.getOrDefault(submission.id(), Map.of()).getOrDefault(rank, Set.of());
                lists.honoured(submission.id(), rank, wanted + skip.size()).stream()
                        .filter(r -> !skip.contains(r.row())).limit(wanted)
                        .map(r -> new PeriodDetails.Honour(r.enterpriseName(), unit, r.boutique(), r.leader(), r.award()))
                        .forEach(honours::add);
            }
        }
        honours.sort(Comparator.comparingInt(h -> registry.units().indexOf(h.unit()))); // stable: row order kept
        return honours;
    }

    int honoursTotal(String period, Map<Long, Map<Integer, Set<Integer>>> keptElsewhere) {
        return lists.honouredTallied(period)
                - keptElsewhere.values().stream().flatMap(byRank -> byRank.values().stream()).mapToInt(Set::size).sum();
    }

    /**
     * The honoured rows, per submission and rank, of enterprises another unit (first in code order)
     * also reports: they are listed and counted under that unit. Read once per period, through the
     * code table (quality_code); the honours list and its total both leave them out.
     */
    private Map<Long, Map<Integer, Set<Integer>>> honouredKeptElsewhere(PeriodOverlap overlap) {
        Map<Long, Map<Integer, Set<Integer>>> found = new HashMap<>();
        if (overlap.possible()) {
            for (PeriodLists.HonouredRef row : lists.honouredNotFirst(overlap)) {
                found.computeIfAbsent(row.submissionId(), k -> new HashMap<>())
                        .computeIfAbsent(row.rank(), k -> new HashSet<>()).add(row.row());
            }
        }
        return found;
    }

    List<PeriodDetails.Rejection> rejections(String period) {
        List<PeriodDetails.Rejection> rejections = new ArrayList<>();
        for (PeriodLists.RejectedFile file : lists.rejected(period)) {
            Unit unit = unit(file.unit());
            if (unit != null) {
                rejections.add(new PeriodDetails.Rejection(unit, file.fileName(), file.version(), lists.errorCodes(file.id())));
            }
        }
        rejections.sort(Comparator.comparingInt(r -> registry.units().indexOf(r.unit())));
        return rejections;
    }

    /** Enterprises more than one unit reports, looked up by code (quality_code), never the whole period. */
    List<PeriodDetails.CrossDuplicate> crossDuplicates(PeriodOverlap overlap) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<Unit>> units = new LinkedHashMap<>();
        if (!overlap.possible()) {
            return List.of();
        }
        for (PeriodLists.SharedReport report : lists.sharedReports(overlap)) {
            names.putIfAbsent(report.uscc(), report.enterpriseName());
            Optional.ofNullable(unit(report.unit()))
                    .ifPresent(u -> units.computeIfAbsent(report.uscc(), k -> new ArrayList<>()).add(u));
        }
        return names.entrySet().stream().map(e -> {
            List<Unit> found = new ArrayList<>(units.getOrDefault(e.getKey(), List.of()));
            found.sort(Comparator.comparingInt(u -> registry.units().indexOf(u)));
            return new PeriodDetails.CrossDuplicate(e.getKey(), e.getValue(), found);
        }).toList();
    }

    List<PeriodDetails.Correction> corrections(String period) {
        List<PeriodDetails.Correction> corrections = new ArrayList<>(lists.superseded(period).stream()
                .map(s -> new PeriodDetails.Correction(unit(s.unit()), s.fileName(), s.version(), s.newVersion()))
                .toList());
        corrections.removeIf(c -> c.unit() == null);
        corrections.sort(Comparator.comparingInt(c -> registry.units().indexOf(c.unit())));
        return corrections;
    }

    private Unit unit(String code) {
        return code == null ? null : registry.byCode(code).orElse(null);
    }
}
