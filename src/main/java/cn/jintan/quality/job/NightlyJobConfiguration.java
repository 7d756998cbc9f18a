package cn.jintan.quality.job;

import cn.jintan.quality.delivery.Deliveries;
import cn.jintan.quality.delivery.ReceiptMails;
import cn.jintan.quality.report.PeriodReports;
import cn.jintan.quality.store.PendingPeriods;
import cn.jintan.quality.store.SubmissionStore;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The nightly job: {@code intake} (each file in input/ checked, stored and given a receipt, one
 * file per transaction, units in partitions running at once: {@link IntakeConfiguration}),
 * {@code crossUnit} (the cross-unit warnings of the periods the intake touched: {@link SettleCrossUnit}),
 * {@code briefing} (figures and PDF of every period that changed), then
 * {@code delivery} (e-mail of the changed briefings to the recipients in jobs/, retries first);
 * after {@code intake}, {@code receiptMail} mails the receipts to the units' contact addresses.
 * The daytime intake pass of {@code schedule} is the same {@code intake} and {@code crossUnit} steps, then
 * {@code pending} (its periods wait for the nightly briefings) and {@code receiptMail}.
 */
@Configuration(proxyBeanMethods = false)
class NightlyJobConfiguration {

    static final String JOB_NAME = "nightlyRun";
    static final String INTAKE_JOB_NAME = "intakePass";
    static final String RUN_ID = "run.id";

    @Bean
    Job nightlyJob(JobRepository repository, Step intake, Step crossUnit, Step receiptMail, Step briefing,
                   Step delivery, RunSummaryListener summary) {
        return new JobBuilder(JOB_NAME, repository).listener(summary).start(intake).next(crossUnit).next(receiptMail)
                .next(briefing).next(delivery).build();
    }

    @Bean
    Job intakeJob(JobRepository repository, Step intake, Step crossUnit, Step pending, Step receiptMail,
                  RunSummaryListener summary) {
        return new JobBuilder(INTAKE_JOB_NAME, repository).listener(summary).start(intake).next(crossUnit)
                .next(pending).next(receiptMail).build();
    }

    @Bean
    Step receiptMail(JobRepository repository, PlatformTransactionManager tx, MailReceipts mail) {
        return new StepBuilder("receiptMail", repository).tasklet(mail, tx).build();
    }

    @Bean
    @StepScope
    MailReceipts mailReceipts(ReceiptMails mails, @Value("#{jobParameters['run.id']}") String runId) {
        return new MailReceipts(mails, runId);
    }

    @Bean
    Step pending(JobRepository repository, PlatformTransactionManager tx, NotePendingPeriods note) {
        return new StepBuilder("pending", repository).tasklet(note, tx).build();
    }

    @Bean
    @StepScope
    NotePendingPeriods notePendingPeriods(PendingPeriods pending, @Value("#{jobParameters['run.id']}") String runId) {
        return new NotePendingPeriods(pending, runId);
    }

    @Bean
    Step briefing(JobRepository repository, PlatformTransactionManager tx, RenderBriefings render) {
        return new StepBuilder("briefing", repository).tasklet(render, tx).build();
    }

    @Bean
    Step delivery(JobRepository repository, PlatformTransactionManager tx, DeliverBriefings deliver) {
        return new StepBuilder("delivery", repository).tasklet(deliver, tx).build();
    }

    @Bean
    @StepScope
    DeliverBriefings deliverBriefings(SubmissionStore store, PeriodReports reports, Deliveries deliveries,
                                      PendingPeriods pending, @Value("#{jobParameters['run.id']}") String runId) {
        return new DeliverBriefings(store, reports, deliveries, pending, runId);
    }

    @Bean
    @StepScope
    RenderBriefings renderBriefings(SubmissionStore store, PeriodReports reports, PendingPeriods pending,
                                    @Value("#{jobParameters['run.id']}") String runId) {
        return new RenderBriefings(store, reports, pending, runId);
    }
}
