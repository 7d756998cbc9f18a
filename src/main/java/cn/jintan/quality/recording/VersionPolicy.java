package cn.jintan.quality.recording;

import cn.jintan.quality.store.StoredSubmission;
import cn.jintan.quality.store.SubmissionStatus;
import cn.jintan.quality.store.SubmissionStore;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Versions of a unit's submission for a period: every file received for them is the next version
 * (a byte-identical copy is not a version of its own), and the newest accepted version supersedes
 * the older accepted ones.
 */
@Component
class VersionPolicy {

    private final SubmissionStore store;

    VersionPolicy(SubmissionStore store) {
        this.store = store;
    }

    /** The version of a file being recorded (its own ledger line has no unit yet), or null without unit or period. */
    Integer next(String unit, String period) {
        if (unit == null || period == null) {
            return null;
        }
        return (int) store.versions(unit, period).stream().filter(s -> s.status() != SubmissionStatus.DUPLICATE).count() + 1;
    }

    /** Supersedes the other accepted versions of the unit and period by {@code id}; returns them as they are now. */
    List<StoredSubmission> supersede(long id, String unit, String period) {
        List<Long> older = store.versions(unit, period).stream()
                .filter(s -> s.status() == SubmissionStatus.ACCEPTED && s.id() != id).map(StoredSubmission::id).toList();
        store.supersede(older, id);
        return older.stream().map(other -> store.find(other).orElseThrow()).toList();
    }
}
