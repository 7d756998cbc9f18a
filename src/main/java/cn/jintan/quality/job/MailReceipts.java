package cn.jintan.quality.job;

import cn.jintan.quality.delivery.ReceiptMails;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Mails this run's receipts to the units' contact addresses and retries earlier ones; failures are recorded, never thrown. */
class MailReceipts implements Tasklet {

    private final ReceiptMails mails;
    private final String runId;

    MailReceipts(ReceiptMails mails, String runId) {
        this.mails = mails;
        this.runId = runId;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext context) {
        mails.deliver(runId);
        return RepeatStatus.FINISHED;
    }
}
