package cn.jintan.quality.recording;

import cn.jintan.quality.domain.Unit;
import cn.jintan.quality.domain.UnitRegistry;
import cn.jintan.quality.store.SharedEnterprises;
import cn.jintan.quality.store.StoredSubmission;
import cn.jintan.quality.store.SubmissionStore;
import cn.jintan.quality.validation.Issue;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code cross.duplicate_enterprise}: a warning on both submissions for every enterprise (质量提升,
 * by USCC) another unit also reports for the period. The district counts it once. Decided under the
 * period's lock (see {@code SubmissionRecorder}), so a file sees every accepted file of the period.
 */
@Component
class CrossUnitDuplicates {

    private final SubmissionStore store;
    private final SharedEnterprises shared;
    private final UnitRegistry registry;

    CrossUnitDuplicates(SubmissionStore store, SharedEnterprises shared, UnitRegistry registry) {
        this.store = store;
        this.shared = shared;
        this.registry = registry;
    }

    /** Warns accepted submission {@code id} and the others; returns the others warned, as they are now. */
    List<StoredSubmission> warn(long id, String unit, String period) {
        List<Issue> mine = new ArrayList<>();
        Map<Long, List<Issue>> theirs = new TreeMap<>();
        for (SharedEnterprises.SharedEnterprise s : shared.of(id, unit, period)) {
            mine.add(Issue.crossDuplicateEnterprise(s.cell(), s.row(), s.uscc(), unitName(s.otherUnit())));
            theirs.computeIfAbsent(s.otherId(), k -> new ArrayList<>())
                    .add(Issue.crossDuplicateEnterprise(s.otherCell(), s.otherRow(), s.uscc(), unitName(unit)));
        }
        inRowOrder(id, mine);
        theirs.forEach(this::inRowOrder);
        return theirs.keySet().stream().map(other -> store.find(other).orElseThrow()).toList();
    }

    /**
     * Adds warnings to a submission, keeping all its cross-unit warnings in its own row order (then
     * by message): intake partitions record the units' files in whatever order they finish, and a
     * receipt lists the same warnings the same way whichever unit's file came first.
     */
    private void inRowOrder(long id, List<Issue> added) {
        if (added.isEmpty()) {
            return;
        }
        String code = added.get(0).code();
        List<Issue> all = new ArrayList<>(store.issues(id).stream().filter(i -> i.code().equals(code)).toList());
        all.addAll(added);
        all.sort(Comparator.comparing(Issue::row, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Issue::message, Comparator.nullsFirst(Comparator.naturalOrder())));
        store.replaceIssues(id, code, all);
    }

    private String unitName(String code) {
        return registry.byCode(code).map(Unit::name).orElse(code);
    }
}
