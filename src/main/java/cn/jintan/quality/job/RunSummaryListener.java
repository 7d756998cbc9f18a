package cn.jintan.quality.job;

import cn.jintan.quality.JsonFiles;
import cn.jintan.quality.PipelineProperties;
import cn.jintan.quality.delivery.Deliveries;
import cn.jintan.quality.delivery.ReceiptMail;
import cn.jintan.quality.delivery.ReceiptMails;
import cn.jintan.quality.receipt.ReceiptWriter;
import cn.jintan.quality.quarantine.Quarantine;
import cn.jintan.quality.store.QuarantinedFile;
import cn.jintan.quality.store.StoredSubmission;
import cn.jintan.quality.store.SubmissionStatus;
import cn.jintan.quality.store.SubmissionStore;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes {@code output/runs/RUNID.json} at the end of every run, failed runs included. */
@Component
class RunSummaryListener implements JobExecutionListener {

    private final SubmissionStore store;
    private final Quarantine quarantine;
    private final Deliveries deliveries;
    private final JsonFiles json;
    private final Path folder;
    private final Clock clock;
    private final ReceiptWriter receipts;
    private final SkippedFiles skipped;
    private final ReceiptMails receiptMails;

    RunSummaryListener(SubmissionStore store, Quarantine quarantine, Deliveries deliveries, JsonFiles json,
                       PipelineProperties properties, ReceiptWriter receipts, Clock clock, SkippedFiles skipped,
                       ReceiptMails receiptMails) {
        this.receiptMails = receiptMails;
        this.store = store;
        this.quarantine = quarantine;
        this.receipts = receipts;
        this.deliveries = deliveries;
        this.json = json;
        this.folder = properties.output().resolve("runs");
        this.clock = clock;
        this.skipped = skipped;
    }

    @Override
    public void afterJob(JobExecution execution) {
        String runId = execution.getJobParameters().getString(NightlyJobConfiguration.RUN_ID);
        List<StoredSubmission> received = store.ofRun(runId);
        List<QuarantinedFile> quarantined = quarantine.ofRun(runId);
        String periods = execution.getExecutionContext().getString(RenderBriefings.PERIODS_RENDERED, "");
        RunRecord record = new RunRecord(runId,
                // nightly: files, briefings and their mail; intake: a daytime pass of `schedule`, files and receipts only
                NightlyRun.intake(execution) ? "intake" : "nightly",
                at(execution.getStartTime()), OffsetDateTime.now(clock),
                execution.getStatus() == BatchStatus.COMPLETED ? "completed" : "failed",
                NightlyRun.exitStatus(execution.getStatus(), quarantined.size() + (int) skipped.unreadable(runId)),
                files(runId, received),
                new RunRecord.RowsRead(received.stream().mapToInt(StoredSubmission::rowsQuality).sum(),
                        received.stream().mapToInt(StoredSubmission::rowsFinancing).sum(),
                        received.stream().mapToInt(StoredSubmission::rowsFees).sum()),
                periods.isEmpty() ? List.of() : List.of(periods.split(",")),
                deliveries.ofRun(runId).stream().map(d -> new RunRecord.DeliveryJson(d.period(), d.recipient(),
                        lower(d.status()), d.attempts(), d.lastError())).toList(),
                // receipts mailed to the units' contact addresses (jobs/units.tsv), retries of earlier runs included
                receiptMails.ofRun(runId).stream().map(this::receiptMail).toList(),
                quarantined.stream().map(this::quarantined).toList(),
                skipped.ofRun(runId).stream().map(s -> new RunRecord.Skipped(s.file(), s.reason(), s.error())).toList(),
                execution.getAllFailureExceptions().stream().map(RunSummaryListener::failure).toList());
        json.write(folder.resolve(runId + ".json"), record);
    }

    private RunRecord.FileCounts files(String runId, List<StoredSubmission> received) {
        Map<SubmissionStatus, Long> by = received.stream()
                .collect(Collectors.groupingBy(StoredSubmission::status, () -> new EnumMap<>(SubmissionStatus.class),
                        Collectors.counting()));
        // superseded: the versions this run's files replaced, received earlier or in this run (not only this run's own)
        return new RunRecord.FileCounts(received.size(), by.getOrDefault(SubmissionStatus.ACCEPTED, 0L),
                by.getOrDefault(SubmissionStatus.REJECTED, 0L), by.getOrDefault(SubmissionStatus.DUPLICATE, 0L),
                store.supersededByRun(runId), by.getOrDefault(SubmissionStatus.QUARANTINED, 0L));
    }

    private RunRecord.ReceiptMailJson receiptMail(ReceiptMail r) {
        StoredSubmission s = store.find(r.submissionId()).orElse(null);
        return new RunRecord.ReceiptMailJson(s == null ? null : s.fileName(), s == null ? null : s.unitCode(),
                s == null ? null : s.period(), s == null ? null : s.version(), r.recipient(), lower(r.status()),
                r.attempts(), r.lastError());
    }

    /** A file an unexpected error kept from being checked: where it is and what went wrong (no stack trace: that is in the log). */
    private RunRecord.Quarantined quarantined(QuarantinedFile f) {
        Path receipt = store.find(f.submissionId()).map(receipts::path).map(p -> p.toAbsolutePath().normalize()).orElse(null);
        return new RunRecord.Quarantined(f.fileName(), f.sha256(), f.receivedAt(), f.keptAt().toString(),
                f.archivePath() == null ? null : Path.of(f.archivePath()).toAbsolutePath().normalize().toString(),
                receipt != null && Files.isRegularFile(receipt) ? receipt.toString() : null,
                new RunRecord.ErrorJson(f.errorClass(), f.errorMessage(), f.rootCause()));
    }

    private static String lower(String status) {
        return status.toLowerCase(java.util.Locale.ROOT);
    }

    /** The failure and, when it wraps one (Spring Batch's "Unable to process chunk"), what actually went wrong. */
    private static String failure(Throwable t) {
        Throwable root = Quarantine.rootCause(t);
        return root == t ? t.toString() : t + "; caused by " + root;
    }

    private String at(LocalDateTime time) {
        return at(time, ZoneId.systemDefault(), clock.getZone());
    }

    /**
     * Spring Batch stamps executions with {@code LocalDateTime.now()}, the JVM's zone; the summary
     * speaks the pipeline's zone ({@code qb.zone}), so the instant is moved, not relabelled.
     */
    static String at(LocalDateTime time, ZoneId jvm, ZoneId pipeline) {
        return time == null ? null : time.atZone(jvm).withZoneSameInstant(pipeline).toOffsetDateTime().toString();
    }
}
