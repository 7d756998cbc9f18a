package cn.jintan.quality.job;

import cn.jintan.quality.intake.InputFolder;
import cn.jintan.quality.intake.Names;
import cn.jintan.quality.store.DatabaseBackup;
import cn.jintan.quality.quarantine.Quarantine;
import cn.jintan.quality.store.QuarantinedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

/**
 * Starts one nightly run, the command line's entry into the batch job, or a daytime intake pass of
 * {@code schedule}. A run that did not finish (killed, power lost, stopped) is continued first,
 * under its own run id, so that it ends exactly as an uninterrupted run would have: an unfinished
 * nightly run is the run asked for; an unfinished run of the other kind is finished, then the run
 * asked for starts (so an interrupted intake pass never takes the place of a nightly run).
 */
@Component
public class NightlyRun {

    private static final Logger log = LoggerFactory.getLogger(NightlyRun.class);
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    /** Exit status of {@code run}: completed (rejected workbooks are a normal outcome). */
    public static final int EXIT_COMPLETED = 0;
    /** Exit status of {@code run}: the run itself failed or was stopped; the next run continues it. */
    public static final int EXIT_FAILED = 1;
    /**
     * Exit status of {@code run} when an unexpected error (a bug) kept one or more files from being
     * checked: outputs.md's 1, "the run itself failed (database, disk, a bug)", so cron and systemd
     * flag it. The other files were counted and the briefings rendered; the quarantined files are
     * listed in the run summary, and the job itself completed (nothing is continued next time).
     */
    public static final int EXIT_QUARANTINED = EXIT_FAILED;

    private final JobOperator operator;
    private final JobRepository repository;
    private final Job job;
    private final Job intakeJob;
    private final InputFolder input;
    private final Clock clock;
    private final Quarantine quarantine;
    private final SkippedFiles skipped;
    private final DatabaseBackup backup;

    NightlyRun(JobOperator operator, JobRepository repository, @Qualifier("nightlyJob") Job nightlyJob,
               @Qualifier("intakeJob") Job intakeJob, Clock clock, Quarantine quarantine, SkippedFiles skipped,
               DatabaseBackup backup, InputFolder input) {
        this.operator = operator;
        this.intakeJob = intakeJob;
        this.input = input;
        this.backup = backup;
        this.repository = repository;
        this.job = nightlyJob;
        this.clock = clock;
        this.quarantine = quarantine;
        this.skipped = skipped;
    }

    /** Runs the job to its end (or continues an unfinished one); the execution tells how it went. */
    public JobExecution run() throws Exception {
        return run(job);
    }

    /**
     * A daytime intake pass: each file waiting in input/ checked, stored and given its receipt; no
     * briefing (the nightly run renders and mails the periods it changed). Nothing at all, not even
     * a run summary, when input/ holds nothing to take and no run is unfinished: empty when so.
     */
    public java.util.Optional<JobExecution> intakePass() throws Exception {
        if (!filesWaiting() && unfinished() == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(run(intakeJob));
    }

    /** Files in input/ to take, or taken by an interrupted run and not done with. */
    private boolean filesWaiting() {
        InputFolder.Listing listing = input.scan();
        return !listing.taken().isEmpty() || !listing.waiting().isEmpty();
    }

    private JobExecution run(Job wanted) throws Exception {
        JobExecution unfinished = unfinished();
        JobExecution execution;
        if (unfinished != null) {
            log.warn("Run {} did not finish ({}); continuing it where it stopped", runId(unfinished), unfinished.getStatus());
            execution = finish(operator.restart(unfinished));
            if (execution.getStatus() != BatchStatus.COMPLETED || kind(execution).equals(wanted.getName())
                    || wanted == intakeJob && !filesWaiting()) {
                return execution;
            }
        }
        String runId = LocalDateTime.now(clock).format(RUN_ID);
        return finish(operator.start(wanted, new JobParametersBuilder()
                .addString(NightlyJobConfiguration.RUN_ID, runId).toJobParameters()));
    }

    private static String kind(JobExecution execution) {
        return execution.getJobInstance().getJobName();
    }

    /** Whether this execution is a daytime intake pass (else a nightly run). */
    public static boolean intake(JobExecution execution) {
        return NightlyJobConfiguration.INTAKE_JOB_NAME.equals(kind(execution));
    }

    /** Logs how a run ended; backs up the database after a completed nightly run (daytime passes: the next night does). */
    private JobExecution finish(JobExecution execution) {
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            log.error("Run {} ended {}: {}", runId(execution), execution.getStatus(), execution.getAllFailureExceptions());
        }
        if (execution.getStatus() == BatchStatus.COMPLETED && !intake(execution)) {
            backUp(runId(execution));
        }
        List<QuarantinedFile> quarantined = quarantine.ofRun(runId(execution));
        if (!quarantined.isEmpty()) {
            log.error("Run {}: {} file(s) hit an unexpected error and were quarantined (exit status {}): {}",
                    runId(execution), quarantined.size(), EXIT_QUARANTINED,
                    quarantined.stream().map(f -> Names.printable(f.fileName()) + " -> " + f.keptAt() + " (" + f.errorClass() + ")").toList());
        }
        return execution;
    }

    /** A failed backup fails nothing: the run's outcome is stored; the error says someone must look. */
    private void backUp(String runId) {
        try {
            backup.backUp(runId);
        } catch (RuntimeException e) {
            log.error("Run {} completed but the database could not be backed up: {}", runId, e.toString(), e);
        }
    }

    /** The exit status of {@code run} for this execution: {@link #EXIT_COMPLETED}, {@link #EXIT_FAILED} or {@link #EXIT_QUARANTINED}. */
    public int exitStatus(JobExecution execution) {
        String runId = runId(execution);
        return exitStatus(execution.getStatus(), quarantine.ofRun(runId).size() + (int) skipped.unreadable(runId));
    }

    /** The entries of input/ this run did not take (links, special files, folders, hidden and unreadable files). */
    public List<cn.jintan.quality.intake.InputFolder.Skip> skipped(JobExecution execution) {
        return skipped.ofRun(runId(execution));
    }

    /**
     * A failed run is a failed run; a completed one that quarantined files, or left files in
     * input/ it could not read ({@code quarantined} counts both), says so.
     */
    static int exitStatus(BatchStatus status, int quarantined) {
        if (status != BatchStatus.COMPLETED) {
            return EXIT_FAILED;
        }
        return quarantined > 0 ? EXIT_QUARANTINED : EXIT_COMPLETED;
    }

    /**
     * The last run, when it did not complete. One still marked running was left so by a process
     * that died: the database's file lock lets no other process run beside us.
     */
    private JobExecution unfinished() {
        JobExecution found = null;
        for (String name : List.of(NightlyJobConfiguration.JOB_NAME, NightlyJobConfiguration.INTAKE_JOB_NAME)) {
            JobExecution execution = unfinished(name);
            // never more than one (each run first finishes the unfinished one); the older first should there be
            if (execution != null && (found == null || runId(execution).compareTo(runId(found)) < 0)) {
                found = execution;
            }
        }
        return found;
    }

    private JobExecution unfinished(String jobName) {
        JobInstance last = repository.getLastJobInstance(jobName);
        if (last == null) {
            return null;
        }
        JobExecution execution = repository.getLastJobExecution(last);
        if (execution == null) {
            return null;
        }
        if (execution.isRunning()) {
            execution = operator.recover(execution);
        }
        return Set.of(BatchStatus.FAILED, BatchStatus.STOPPED).contains(execution.getStatus()) ? execution : null;
    }

    /** Asks a running run to stop at the next file boundary (SIGTERM); it is continued next time. */
    public void stopRunning() {
        for (String name : List.of(NightlyJobConfiguration.JOB_NAME, NightlyJobConfiguration.INTAKE_JOB_NAME)) {
            for (JobExecution running : repository.findRunningJobExecutions(name)) {
                try {
                    operator.stop(running);
                } catch (Exception e) {
                    log.warn("Could not ask run {} to stop: {}", runId(running), e.getMessage());
                }
            }
        }
    }

    public static String runId(JobExecution execution) {
        return execution.getJobParameters().getString(NightlyJobConfiguration.RUN_ID);
    }
}
