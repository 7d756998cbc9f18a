package cn.jintan.quality.job;

import cn.jintan.quality.JsonFiles;
import cn.jintan.quality.PipelineProperties;
import cn.jintan.quality.delivery.Deliveries;
import cn.jintan.quality.delivery.ReceiptMails;
import cn.jintan.quality.intake.InputFolder;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("run_id", runId);
        // nightly: files, briefings and their mail; intake: a daytime pass of `schedule`, files and receipts only
        summary.put("kind", NightlyRun.intake(execution) ? "intake" : "nightly");
        summary.put("started_at", at(execution.getStartTime()));
        summary.put("ended_at", OffsetDateTime.now(clock).toString());
        summary.put("status", execution.getStatus() == BatchStatus.COMPLETED ? "completed" : "failed");
        List<InputFolder.Skip> notTaken = skipped.ofRun(runId);
        summary.put("exit_status", NightlyRun.exitStatus(execution.getStatus(),
                quarantined.size() + (int) skipped.unreadable(runId)));
        Map<String, Long> files = new LinkedHashMap<>();
        files.put("seen", (long) received.size());
        Arrays.stream(SubmissionStatus.values()).forEach(status -> files.put(status.json(),
                received.stream().filter(s -> s.status() == status).count()));
        // the versions this run's files replaced, received earlier or in this run (not only this run's own)
        files.put(SubmissionStatus.SUPERSEDED.json(), store.supersededByRun(runId));
        summary.put("files", files);
        Map<String, Integer> rows = new LinkedHashMap<>();
        rows.put("质量提升", received.stream().mapToInt(StoredSubmission::rowsQuality).sum());
        rows.put("融资助企", received.stream().mapToInt(StoredSubmission::rowsFinancing).sum());
        rows.put("减费让利", received.stream().mapToInt(StoredSubmission::rowsFees).sum());
        summary.put("rows_read", rows);
        String periods = execution.getExecutionContext().getString(RenderBriefings.PERIODS_RENDERED, "");
        summary.put("periods_rendered", periods.isEmpty() ? List.of() : List.of(periods.split(",")));
        summary.put("deliveries", deliveries.ofRun(runId).stream().map(d -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("period", d.period());
            m.put("recipient", d.recipient());
            m.put("status", d.status().toLowerCase(java.util.Locale.ROOT));
            m.put("attempts", d.attempts());
            m.put("error", d.lastError());
            return m;
        }).toList());
        // receipts mailed to the units' contact addresses (jobs/units.tsv), retries of earlier runs included
        summary.put("receipt_mails", receiptMails.ofRun(runId).stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            StoredSubmission s = store.find(r.submissionId()).orElse(null);
            m.put("file", s == null ? null : s.fileName());
            m.put("unit_code", s == null ? null : s.unitCode());
            m.put("period", s == null ? null : s.period());
            m.put("version", s == null ? null : s.version());
            m.put("recipient", r.recipient());
            m.put("status", r.status().toLowerCase(java.util.Locale.ROOT));
            m.put("attempts", r.attempts());
            m.put("error", r.lastError());
            return m;
        }).toList());
        summary.put("quarantined", quarantined.stream().map(this::quarantined).toList());
        // entries of input/ not taken (links, FIFOs, folders, hidden files: reason only; unreadable: with the error)
        summary.put("skipped", notTaken.stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", s.file());
            m.put("reason", s.reason());
            m.put("error", s.error());
            return m;
        }).toList());
        summary.put("failures", execution.getAllFailureExceptions().stream().map(RunSummaryListener::failure).toList());
        json.write(folder.resolve(runId + ".json"), summary);
    }

    /** A file an unexpected error kept from being checked: where it is and what went wrong (no stack trace: that is in the log). */
    private Map<String, Object> quarantined(QuarantinedFile f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", f.fileName());
        m.put("sha256", f.sha256());
        m.put("received_at", f.receivedAt() == null ? null : f.receivedAt().toString());
        m.put("kept_at", f.keptAt().toString());
        m.put("archived_at", f.archivePath() == null ? null : Path.of(f.archivePath()).toAbsolutePath().normalize().toString());
        Path receipt = store.find(f.submissionId()).map(receipts::path).map(p -> p.toAbsolutePath().normalize()).orElse(null);
        m.put("receipt", receipt != null && Files.isRegularFile(receipt) ? receipt.toString() : null);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("class", f.errorClass());
        error.put("message", f.errorMessage());
        error.put("root_cause", f.rootCause());
        m.put("error", error);
        return m;
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
