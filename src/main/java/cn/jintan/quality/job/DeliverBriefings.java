package cn.jintan.quality.job;

import cn.jintan.quality.delivery.Deliveries;
import cn.jintan.quality.domain.Period;
import cn.jintan.quality.report.PeriodReports;
import cn.jintan.quality.store.PendingPeriods;
import cn.jintan.quality.store.SubmissionStore;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.util.List;

/**
 * Mails the briefings of the periods this run or a daytime intake pass since the last nightly run
 * received files for (the others did not change), after retrying what earlier runs could not send;
 * then those intake passes' periods are done with (cleared in this step's transaction). A failed send is recorded, not thrown: the run
 * still completes and the next run retries.
 */
class DeliverBriefings implements Tasklet {

    private final SubmissionStore store;
    private final PeriodReports reports;
    private final Deliveries deliveries;
    private final PendingPeriods pending;
    private final String runId;

    DeliverBriefings(SubmissionStore store, PeriodReports reports, Deliveries deliveries, PendingPeriods pending,
                     String runId) {
        this.store = store;
        this.pending = pending;
        this.reports = reports;
        this.deliveries = deliveries;
        this.runId = runId;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext context) {
        List<String> noted = pending.periods();
        java.util.TreeSet<String> periods = new java.util.TreeSet<>(store.periodsOfRun(runId));
        periods.addAll(noted);
        List<PeriodReports.Rendered> changed = periods.stream()
                .map(p -> reports.rendered(Period.parse(p).orElseThrow()))
                .filter(r -> java.nio.file.Files.isRegularFile(r.pdf()))
                .toList();
        deliveries.deliver(changed, runId);
        pending.clear(noted);
        return RepeatStatus.FINISHED;
    }
}
