package cn.jintan.quality.job;

import cn.jintan.quality.quarantine.Quarantine;
import cn.jintan.quality.store.Received;
import cn.jintan.quality.store.StoredSubmission;
import cn.jintan.quality.recording.SubmissionRecorder;
import cn.jintan.quality.validation.SubmissionValidator;
import org.springframework.transaction.support.TransactionOperations;

import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Function;

/**
 * One received file stored as the intake stores it, the one path of the nightly intake
 * ({@link RecordSubmissions}) and of {@code rebuild} ({@link ArchiveReplay}): a re-sent file recorded
 * as a duplicate of its original, any other validated and stored, in a savepoint. An unexpected error
 * of that file rolls its work back and records it as quarantined instead; an error of the run
 * ({@link Quarantine#failsTheRun}) is thrown.
 */
final class RecordOneFile {

    /** What became of the file: stored, with what {@code then} made of it, or quarantined because of {@code error}. */
    record Recorded<T>(StoredSubmission submission, T then, RuntimeException error) {

        boolean quarantined() {
            return error != null;
        }
    }

    private final SubmissionRecorder recorder;
    private final SubmissionValidator validator;
    private final Quarantine quarantine;
    private final TransactionOperations savepoint;
    private final Duration pause;

    /**
     * @param savepoint runs one file's work in a nested transaction (a savepoint of the caller's)
     * @param pause     {@code qb.pause-per-file} after checking each file, so crash tests can kill a run mid-way
     */
    RecordOneFile(SubmissionRecorder recorder, SubmissionValidator validator, Quarantine quarantine,
                  TransactionOperations savepoint, Duration pause) {
        this.recorder = recorder;
        this.validator = validator;
        this.quarantine = quarantine;
        this.savepoint = savepoint;
        this.pause = pause;
    }

    /**
     * @param original the file's original when it is a re-send, else null
     * @param month    the month it was received in, which the 统计期 is checked against
     * @param then     more of the file's work within its savepoint (an error there quarantines it too)
     */
    <T> Recorded<T> record(Received received, StoredSubmission original, YearMonth month,
                           Function<SubmissionRecorder.Recorded, T> then) {
        try {
            return savepoint.execute(status -> {
                SubmissionRecorder.Recorded stored = original != null
                        ? new SubmissionRecorder.Recorded(recorder.recordDuplicate(received, original), List.of())
                        : recorder.record(received, rows -> {
                            var submission = validator.validate(received.archived(), received.fileName(), month, rows);
                            pause();
                            return submission;
                        });
                return new Recorded<>(stored.submission(), then.apply(stored), null);
            });
        } catch (RuntimeException e) {
            if (Quarantine.failsTheRun(e)) {
                throw e;
            }
            return new Recorded<>(quarantine.record(received, e), null, e);
        }
    }

    private void pause() {
        if (!pause.isZero()) {
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
