package cn.jintan.quality.job;

import cn.jintan.quality.intake.Archive;
import cn.jintan.quality.receipt.ReceiptWriter;
import cn.jintan.quality.store.StoredSubmission;
import cn.jintan.quality.store.SubmissionStore;
import cn.jintan.quality.validation.RowSink;
import cn.jintan.quality.validation.Submission;
import cn.jintan.quality.validation.SubmissionValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** Validates and stores each new file in the chunk's transaction, writes its receipt (and rewrites the ones it supersedes), empties the drop box. */
class RecordSubmissions implements ItemWriter<ReceivedFile> {

    private static final Logger log = LoggerFactory.getLogger(RecordSubmissions.class);

    private final SubmissionStore store;
    private final ReceiptWriter receipts;
    private final Archive archive;
    private final Progress progress;
    private final SubmissionValidator validator;
    private final Clock clock;
    private final Duration pause;

    RecordSubmissions(SubmissionStore store, ReceiptWriter receipts, Archive archive, Progress progress,
                      SubmissionValidator validator, Clock clock, Duration pause) {
        this.store = store;
        this.receipts = receipts;
        this.archive = archive;
        this.progress = progress;
        this.validator = validator;
        this.clock = clock;
        this.pause = pause;
    }

    /** {@code qb.pause-per-file}: slows runs down so crash tests can kill one mid-way. Zero in production. */
    private void pause() {
        if (!pause.isZero()) {
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Validates the archived copy (staff may overwrite the input file meanwhile) into the store's row sink. */
    private Submission validate(ReceivedFile file, RowSink rows) {
        Submission submission = validator.validate(file.received().archived(), file.received().fileName(),
                YearMonth.now(clock), rows);
        pause();
        return submission;
    }

    @Override
    public void write(Chunk<? extends ReceivedFile> chunk) {
        for (ReceivedFile file : chunk) {
            List<StoredSubmission> receiptsToWrite = new ArrayList<>();
            StoredSubmission stored;
            if (file.leftover()) {
                stored = file.original();
            } else if (file.duplicate()) {
                stored = store.recordDuplicate(file.received(), file.original());
            } else {
                SubmissionStore.Stored result = store.record(file.received(), rows -> validate(file, rows));
                stored = result.submission();
                receiptsToWrite.addAll(result.superseded());
                receiptsToWrite.addAll(result.warned());
            }
            receiptsToWrite.add(stored);
            // only once the rows are committed: a receipt never claims what a rollback undid, and a
            // file leaves input/ only when it is safely stored (killed before that, it is taken again)
            afterCommit(() -> {
                receiptsToWrite.forEach(receipts::write);
                archive.release(file.source());
                progress.fileDone(stored);
                log.info("{}: {} (unit {}, period {}, version {})", file.received().fileName(), stored.status().json(),
                        stored.unitCode(), stored.period(), stored.version());
            });
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
