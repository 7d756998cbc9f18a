package cn.jintan.quality.job;

import cn.jintan.quality.intake.InputFolder;
import cn.jintan.quality.intake.Names;
import cn.jintan.quality.quarantine.Quarantine;
import cn.jintan.quality.receipt.ReceiptIndex;
import cn.jintan.quality.receipt.ReceiptWriter;
import cn.jintan.quality.store.StoredSubmission;
import cn.jintan.quality.store.SubmissionStatus;
import cn.jintan.quality.recording.SubmissionRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates and stores each new file in the chunk's transaction, writes its receipt (and rewrites the ones it supersedes), lets the taken file go.
 *
 * <p>Bad input never throws (the validator turns it into rule codes). An unexpected error while
 * checking and storing one file, or rendering its receipts, is a bug hit by that file: its work is
 * rolled back to a savepoint, so nothing of it is stored, and the file is quarantined instead
 * (ledger line, the error for the run summary, the file kept under {@code data/quarantine/}, a
 * receipt saying it could not be processed); the run goes on with the next file. An error of the
 * database or the transaction itself ({@link Quarantine#failsTheRun}) still fails the run, leaving the
 * file in {@code input/} for the next one.
 */
class RecordSubmissions implements ItemWriter<ReceivedFile> {

    private static final Logger log = LoggerFactory.getLogger(RecordSubmissions.class);

    private final RecordOneFile recordOne;
    private final ReceiptWriter receipts;
    private final InputFolder input;
    private final Progress progress;
    private final Clock clock;
    private final Quarantine quarantine;
    private final ReceiptIndex index;

    RecordSubmissions(RecordOneFile recordOne, ReceiptWriter receipts, InputFolder input, Progress progress,
                      Clock clock, Quarantine quarantine, ReceiptIndex index) {
        this.recordOne = recordOne;
        this.index = index;
        this.receipts = receipts;
        this.input = input;
        this.progress = progress;
        this.clock = clock;
        this.quarantine = quarantine;
    }

    /** What becomes of one file once the chunk commits: receipts to write, where to keep it if quarantined. */
    private record Outcome(ReceivedFile file, StoredSubmission stored, List<ReceiptWriter.Prepared> receipts, Path keep) {
    }

    @Override
    public void write(Chunk<? extends ReceivedFile> chunk) {
        for (ReceivedFile file : chunk) {
            Outcome outcome;
            if (file.leftover() && file.original().status() == SubmissionStatus.QUARANTINED) {
                outcome = quarantined(file, file.original()); // quarantined by this run before it was interrupted
            } else if (file.leftover()) {
                outcome = new Outcome(file, file.original(), List.of(receipts.prepare(file.original())), null);
            } else {
                outcome = record(file);
            }
            // only once the rows are committed: a receipt never claims what a rollback undid, and a
            // file leaves input/ only when its outcome is safely stored (killed before that, it is taken again)
            Outcome done = outcome;
            afterCommit(() -> publish(done));
        }
    }

    /** Stores a new file or a duplicate and renders every receipt that changes, all within the file's savepoint. */
    private Outcome record(ReceivedFile file) {
        RecordOneFile.Recorded<List<ReceiptWriter.Prepared>> recorded = recordOne.record(file.received(),
                file.duplicate() ? file.original() : null, YearMonth.now(clock), this::receiptsOf);
        if (!recorded.quarantined()) {
            return new Outcome(file, recorded.submission(), recorded.then(), null);
        }
        log.error("{}: unexpected error while checking and storing it; nothing of it is stored, the file is "
                + "quarantined to {} and listed in the run summary", Names.printable(file.received().fileName()),
                quarantine.keptAt(recorded.submission()), recorded.error());
        return quarantined(file, recorded.submission());
    }

    /**
     * The receipts a stored file changes: those of the versions it supersedes, and its own (its
     * cross-unit warnings come with the period's, once the intake is done: {@link SettleCrossUnit}).
     */
    private List<ReceiptWriter.Prepared> receiptsOf(SubmissionRecorder.Recorded stored) {
        List<StoredSubmission> changed = new ArrayList<>(stored.superseded());
        changed.add(stored.submission());
        return changed.stream().map(receipts::prepare).toList();
    }

    private Outcome quarantined(ReceivedFile file, StoredSubmission kept) {
        Path keep = quarantine.keptAt(kept);
        List<ReceiptWriter.Prepared> receipt = List.of();
        try {
            receipt = List.of(receipts.prepare(kept));
        } catch (RuntimeException e) {
            if (Quarantine.failsTheRun(e)) {
                throw e;
            }
            // the file is kept and listed all the same; only the staff's receipt is missing
            log.error("{}: cannot render the receipt of the quarantined file", Names.printable(file.received().fileName()), e);
        }
        return new Outcome(file, kept, receipt, keep);
    }

    private void publish(Outcome outcome) {
        ReceivedFile file = outcome.file();
        StoredSubmission stored = outcome.stored();
        if (outcome.keep() != null) {
            quarantine.putAside(file.source(), file.received().archived(), outcome.keep(), file.received().fileName());
        }
        outcome.receipts().forEach(ReceiptWriter.Prepared::write);
        if (stored.period() != null) {
            index.write(stored.period()); // the period's 报送情况.html, with this file's receipt
        }
        input.release(file.source(), file.read());
        progress.fileDone(stored);
        if (outcome.keep() != null) {
            log.warn("{}: quarantined, kept in {}", Names.printable(stored.fileName()), outcome.keep());
        } else {
            log.info("{}: {} ({})", Names.printable(stored.fileName()), stored.status().json(), Progress.logWhere(stored));
        }
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
