package cn.jintan.quality.job;

import cn.jintan.quality.intake.Archive;
import cn.jintan.quality.receipt.ReceiptWriter;
import cn.jintan.quality.store.StoredSubmission;
import cn.jintan.quality.store.SubmissionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Stores each checked file, writes its receipt (and rewrites the ones it supersedes), empties the drop box. */
class RecordSubmissions implements ItemWriter<ReceivedFile> {

    private static final Logger log = LoggerFactory.getLogger(RecordSubmissions.class);

    private final SubmissionStore store;
    private final ReceiptWriter receipts;
    private final Archive archive;

    RecordSubmissions(SubmissionStore store, ReceiptWriter receipts, Archive archive) {
        this.store = store;
        this.receipts = receipts;
        this.archive = archive;
    }

    @Override
    public void write(Chunk<? extends ReceivedFile> chunk) {
        for (ReceivedFile file : chunk) {
            StoredSubmission stored;
            if (file.duplicate()) {
                stored = store.recordDuplicate(file.received(), file.original());
            } else {
                SubmissionStore.Stored result = store.record(file.received(), file.submission(), file.rows());
                stored = result.submission();
                result.superseded().forEach(receipts::write);
                result.warned().forEach(receipts::write);
            }
            receipts.write(stored);
            archive.release(file.source());
            log.info("{}: {} (unit {}, period {}, version {})", file.received().fileName(), stored.status().json(),
                    stored.unitCode(), stored.period(), stored.version());
        }
    }
}
