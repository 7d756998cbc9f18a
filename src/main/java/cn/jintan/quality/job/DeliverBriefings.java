package cn.jintan.quality.job;

import cn.jintan.quality.delivery.Deliveries;
import cn.jintan.quality.domain.Period;
import cn.jintan.quality.report.PeriodReports;
import cn.jintan.quality.store.SubmissionStore;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.util.List;

/**
 * Mails the briefings of the periods this run received files for (the others did not change),
 * after retrying what earlier runs could not send. A failed send is recorded, not thrown: the run
 * still completes and the next run retries.
 */
class DeliverBriefings implements Tasklet {

    private final SubmissionStore store;
    private final PeriodReports reports;
    private final Deliveries deliveries;
    private final String runId;

    DeliverBriefings(SubmissionStore store, PeriodReports reports, Deliveries deliveries, String runId) {
        this.store = store;
        this.reports = reports;
        this.deliveries = deliveries;
        this.runId = runId;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext context) {
        List<PeriodReports.Rendered> changed = store.periodsOfRun(runId).stream()
                .map(p -> reports.rendered(Period.parse(p).orElseThrow()))
                .filter(r -> java.nio.file.Files.isRegularFile(r.pdf()))
                .toList();
        deliveries.deliver(changed, runId);
        return RepeatStatus.FINISHED;
    }
}
