package cn.jintan.quality.job;

import cn.jintan.quality.domain.Period;
import cn.jintan.quality.report.PeriodReports;
import cn.jintan.quality.store.PendingPeriods;
import cn.jintan.quality.store.SubmissionStore;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Renders the briefing of every period this run changed or a daytime intake pass changed since the
 * last nightly run ({@link PendingPeriods}), plus the latest period.
 */
class RenderBriefings implements Tasklet {

    static final String PERIODS_RENDERED = "periods.rendered";

    private final SubmissionStore store;
    private final PeriodReports reports;
    private final PendingPeriods pending;
    private final String runId;

    RenderBriefings(SubmissionStore store, PeriodReports reports, PendingPeriods pending, String runId) {
        this.store = store;
        this.pending = pending;
        this.reports = reports;
        this.runId = runId;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext context) {
        TreeSet<String> periods = new TreeSet<>(store.periodsOfRun(runId));
        periods.addAll(pending.periods());
        store.latestAcceptedPeriod().ifPresent(periods::add);
        List<String> rendered = new ArrayList<>();
        for (String period : periods) {
            reports.render(Period.parse(period).orElseThrow());
            rendered.add(period);
        }
        context.getStepContext().getStepExecution().getJobExecution().getExecutionContext()
                .put(PERIODS_RENDERED, String.join(",", rendered));
        return RepeatStatus.FINISHED;
    }
}
