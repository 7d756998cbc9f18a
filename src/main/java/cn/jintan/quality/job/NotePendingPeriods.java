package cn.jintan.quality.job;

import cn.jintan.quality.store.PendingPeriods;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Last step of a daytime intake pass: the periods it changed wait for the nightly run's briefings.
 * A step of its own, so a pass killed before it notes them when it is continued (and it always is,
 * before the nightly run starts).
 */
class NotePendingPeriods implements Tasklet {

    private final PendingPeriods pending;
    private final String runId;

    NotePendingPeriods(PendingPeriods pending, String runId) {
        this.pending = pending;
        this.runId = runId;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext context) {
        pending.noteRun(runId);
        return RepeatStatus.FINISHED;
    }
}
