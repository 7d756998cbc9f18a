package cn.jintan.quality.recording;

import cn.jintan.quality.domain.Unit;
import cn.jintan.quality.domain.UnitRegistry;
import cn.jintan.quality.store.SharedEnterprises;
import cn.jintan.quality.store.StoredSubmission;
import cn.jintan.quality.store.SubmissionStatus;
import cn.jintan.quality.store.SubmissionStore;
import cn.jintan.quality.validation.Issue;
import cn.jintan.quality.validation.Rule;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code cross.duplicate_enterprise}: a warning on both submissions for every enterprise (质量提升,
 * by USCC) another unit also reports for the period. The district counts it once.
 *
 * <p>Settled once per period after the intake, from the period's accepted submissions as they then
 * are: files of different units are stored at once (partitions, worker processes) without waiting
 * for each other, and whichever came first, each receipt lists the same warnings in its own row
 * order. A version that no longer reports a shared enterprise takes the warning off the other
 * unit's submission too.
 */
@Component
class CrossUnitDuplicates {

    private static final String CODE = Rule.CROSS_DUPLICATE_ENTERPRISE.code();

    private final SubmissionStore store;
    private final SharedEnterprises shared;
    private final UnitRegistry registry;

    CrossUnitDuplicates(SubmissionStore store, SharedEnterprises shared, UnitRegistry registry) {
        this.store = store;
        this.shared = shared;
        this.registry = registry;
    }

    /** Gives the period's accepted submissions their cross-unit warnings; returns those whose warnings changed, as they are now. */
    List<StoredSubmission> settle(String period) {
        Map<Long, List<SharedEnterprises.SharedEnterprise>> all = shared.inPeriod(period);
        List<StoredSubmission> changed = new ArrayList<>();
        for (StoredSubmission submission : store.forPeriod(period)) {
            if (submission.status() != SubmissionStatus.ACCEPTED) {
                continue; // a superseded version keeps the warnings it had while it counted
            }
            List<Issue> now = new ArrayList<>(all.getOrDefault(submission.id(), List.of()).stream()
                    .map(s -> Issue.crossDuplicateEnterprise(s.cell(), s.row(), s.uscc(), unitName(s.otherUnit())))
                    .toList());
            now.sort(Comparator.comparing(Issue::row, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(Issue::message, Comparator.nullsFirst(Comparator.naturalOrder())));
            List<Issue> before = store.issues(submission.id()).stream().filter(i -> i.code().equals(CODE)).toList();
            if (!now.equals(before)) {
                store.replaceIssues(submission.id(), CODE, now);
                changed.add(store.find(submission.id()).orElseThrow());
            }
        }
        return changed;
    }

    private String unitName(String code) {
        return registry.byCode(code).map(Unit::name).orElse(code);
    }
}
