package cn.jintan.quality.job;

import cn.jintan.quality.quarantine.Quarantine;
import cn.jintan.quality.receipt.ReceiptIndex;
import cn.jintan.quality.receipt.ReceiptWriter;
import cn.jintan.quality.recording.SubmissionRecorder;
import cn.jintan.quality.store.StoredSubmission;
import cn.jintan.quality.store.SubmissionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.util.List;

/**
 * The {@code crossUnit} step, after {@code intake}: for each period the run's files touched, the
 * cross-unit warnings of its accepted submissions are settled from what the database now holds
 * (however the files were split among partitions and workers), the receipts whose warnings changed
 * are written again, and the period's 报送情况.html is written once more (partitions may have
 * written it out of order).
 *
 * <p>The receipts are written before the step's commit: a run killed after the commit but before
 * the files would leave them without their warnings, and a continued run would find nothing left to
 * change. Written first, they show what the commit stores, and a run killed before the commit
 * settles and writes the same again.
 */
class SettleCrossUnit implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(SettleCrossUnit.class);

    private final SubmissionRecorder recorder;
    private final SubmissionStore store;
    private final ReceiptWriter receipts;
    private final ReceiptIndex index;
    private final String runId;

    SettleCrossUnit(SubmissionRecorder recorder, SubmissionStore store, ReceiptWriter receipts, ReceiptIndex index,
                    String runId) {
        this.recorder = recorder;
        this.store = store;
        this.receipts = receipts;
        this.index = index;
        this.runId = runId;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext context) {
        for (String period : store.periodsOfRun(runId)) {
            List<StoredSubmission> changed = recorder.settleCrossUnit(period);
            receipts.writeAll(changed, SettleCrossUnit::notWritten);
            if (!changed.isEmpty()) {
                log.info("Period {}: cross-unit warnings changed on {} submission(s), their receipts written again",
                        period, changed.size());
            }
            try {
                index.write(period);
            } catch (RuntimeException e) {
                if (Quarantine.failsTheRun(e)) {
                    throw e;
                }
                log.error("Period {}: cannot write its receipts page again: {}", period, e.toString(), e);
            }
        }
        return RepeatStatus.FINISHED;
    }

    private static void notWritten(StoredSubmission submission, RuntimeException e) {
        // the warnings are stored and counted; only this receipt still shows the earlier ones
        log.error("{}: cannot write its receipt again with its cross-unit warnings: {}", submission.fileName(),
                e.toString(), e);
    }
}
