package cn.jintan.quality.recording;

import cn.jintan.quality.store.PeriodLocks;
import cn.jintan.quality.store.Received;
import cn.jintan.quality.store.StoredSubmission;
import cn.jintan.quality.store.SubmissionStore;
import cn.jintan.quality.validation.RowSink;
import cn.jintan.quality.validation.Submission;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.function.Function;

/**
 * Checks a file and records it, completely or not at all (the caller's transaction or savepoint):
 * its ledger line, rows and issues, its version, the older versions it supersedes and the
 * cross-unit warnings it raises.
 */
@Service
public class SubmissionRecorder {

    private final SubmissionStore store;
    private final VersionPolicy versions;
    private final CrossUnitDuplicates crossUnit;
    private final PeriodLocks locks;

    SubmissionRecorder(SubmissionStore store, VersionPolicy versions, CrossUnitDuplicates crossUnit, PeriodLocks locks) {
        this.store = store;
        this.locks = locks;
        this.versions = versions;
        this.crossUnit = crossUnit;
    }

    /**
     * Validates a file and stores it with its issues and, when accepted, its rows. {@code validation}
     * streams the valid rows into the sink it is given; they go to the database in batches while
     * the file is read.
     */
    @Transactional
    public Recorded record(Received received, Function<RowSink, Submission> validation) {
        long id = store.open(received);
        Submission submission = store.storeRows(id, validation);
        String unit = submission.cover().unit().map(u -> u.code()).orElse(null);
        String period = submission.cover().period().map(Object::toString).orElse(null);
        if (period != null) {
            // from here to the commit no other partition decides a file of this period (rows stream unlocked)
            locks.hold(period);
        }
        store.complete(id, submission, versions.next(unit, period));
        store.addIssues(id, submission.issues());
        List<StoredSubmission> superseded = List.of();
        List<StoredSubmission> warned = List.of();
        if (submission.accepted()) {
            superseded = versions.supersede(id, unit, period);
            warned = crossUnit.warn(id, unit, period);
        }
        return new Recorded(store.find(id).orElseThrow(), superseded, warned);
    }

    /** Records a byte-identical copy of {@code original}: nothing of it counts, it is no version of its own. */
    public StoredSubmission recordDuplicate(Received received, StoredSubmission original) {
        return store.recordDuplicate(received, original);
    }

    /**
     * A recorded submission, the older accepted versions it replaced, and the other units' accepted
     * submissions that now carry a cross-unit duplicate warning (their receipts change too).
     */
    public record Recorded(StoredSubmission submission, List<StoredSubmission> superseded, List<StoredSubmission> warned) {
    }
}
