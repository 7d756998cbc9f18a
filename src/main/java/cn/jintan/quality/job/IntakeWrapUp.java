package cn.jintan.quality.job;

import cn.jintan.quality.receipt.ReceiptIndex;
import cn.jintan.quality.receipt.ReceiptWriter;
import cn.jintan.quality.store.StoredSubmission;
import cn.jintan.quality.store.SubmissionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * After every partition of the intake step ended (manager side): the pages and receipts that
 * partitions running at once may have written out of order are written once more from what the
 * database holds. Each period the run touched gets its 报送情况.html again; with more than one
 * partition, so do the receipts of the period's cross-unit warned submissions (another unit's
 * partition adds warnings to them, and its write may have raced their own).
 */
class IntakeWrapUp implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(IntakeWrapUp.class);

    private final SubmissionStore store;
    private final ReceiptWriter receipts;
    private final ReceiptIndex index;
    private final boolean parallel;

    IntakeWrapUp(SubmissionStore store, ReceiptWriter receipts, ReceiptIndex index, boolean parallel) {
        this.store = store;
        this.receipts = receipts;
        this.index = index;
        this.parallel = parallel;
    }

    @Override
    public ExitStatus afterStep(StepExecution manager) {
        String runId = manager.getJobParameters().getString(NightlyJobConfiguration.RUN_ID);
        for (String period : store.periodsOfRun(runId)) {
            try {
                if (parallel) {
                    for (StoredSubmission warned : store.crossWarned(period)) {
                        receipts.prepare(warned).write();
                    }
                }
                index.write(period);
            } catch (RuntimeException e) {
                // each was written when its file was stored: only a late correction is missing
                log.error("Period {}: cannot write its receipts page again after the intake: {}", period, e.toString(), e);
            }
        }
        return null;
    }
}
