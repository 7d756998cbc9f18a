package cn.jintan.quality.recording;

import cn.jintan.quality.store.Received;
import cn.jintan.quality.store.StoredSubmission;
import cn.jintan.quality.store.SubmissionStore;
import cn.jintan.quality.store.VersionLocks;
import cn.jintan.quality.validation.RowSink;
import cn.jintan.quality.validation.Submission;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.function.Function;

/**
 * Checks a file and records it, completely or not at all (the caller's transaction or savepoint):
 * its ledger line, rows and issues, its version and the older versions it supersedes. The
 * cross-unit warnings of a period are settled once its files are in ({@link #settleCrossUnit}).
 */
@Service
public class SubmissionRecorder {

    private final SubmissionStore store;
    private final VersionPolicy versions;
    private final CrossUnitDuplicates crossUnit;
    private final VersionLocks locks;

    SubmissionRecorder(SubmissionStore store, VersionPolicy versions, CrossUnitDuplicates crossUnit, VersionLocks locks) {
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
        if (unit != null && period != null) {
            // from here to the commit no other file of this unit and period is decided (rows stream unlocked)
            locks.hold(unit, period);
        }
        store.complete(id, submission, versions.next(unit, period));
        store.addIssues(id, submission.issues());
        List<StoredSubmission> superseded = submission.accepted() ? versions.supersede(id, unit, period) : List.of();
        return new Recorded(store.find(id).orElseThrow(), superseded);
    }

    /**
     * Settles the cross-unit warnings ({@code cross.duplicate_enterprise}) of a period's accepted
     * submissions, in the caller's transaction; returns the submissions whose warnings changed (their
     * receipts change too).
     */
    @Transactional
    public List<StoredSubmission> settleCrossUnit(String period) {
        return crossUnit.settle(period);
    }

    /** Records a byte-identical copy of {@code original}: nothing of it counts, it is no version of its own. */
    public StoredSubmission recordDuplicate(Received received, StoredSubmission original) {
        return store.recordDuplicate(received, original);
    }

    /** A recorded submission and the older accepted versions it replaced (their receipts change too). */
    public record Recorded(StoredSubmission submission, List<StoredSubmission> superseded) {
    }
}
