package cn.jintan.quality.job;

import cn.jintan.quality.intake.Names;
import cn.jintan.quality.store.DatabaseBackup;
import cn.jintan.quality.store.Faults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

/**
 * Starts one nightly run, the command line's entry into the batch job. A run that did not finish
 * (killed, power lost, stopped) is continued instead, under its own run id, so that it ends
 * exactly as an uninterrupted run would have.
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
    private final Clock clock;
    private final Faults faults;
    private final SkippedFiles skipped;
    private final DatabaseBackup backup;

    NightlyRun(JobOperator operator, JobRepository repository, Job nightlyJob, Clock clock, Faults faults,
               SkippedFiles skipped, DatabaseBackup backup) {
        this.operator = operator;
        this.backup = backup;
        this.repository = repository;
        this.job = nightlyJob;
        this.clock = clock;
        this.faults = faults;
        this.skipped = skipped;
    }

    /** Runs the job to its end (or continues an unfinished one); the execution tells how it went. */
    public JobExecution run() throws Exception {
        JobExecution unfinished = unfinished();
        JobExecution execution;
        if (unfinished != null) {
            log.warn("Run {} did not finish ({}); continuing it where it stopped", runId(unfinished), unfinished.getStatus());
            execution = operator.restart(unfinished);
        } else {
            String runId = LocalDateTime.now(clock).format(RUN_ID);
            execution = operator.start(job, new JobParametersBuilder()
                    .addString(NightlyJobConfiguration.RUN_ID, runId).toJobParameters());
        }
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            log.error("Run {} ended {}: {}", runId(execution), execution.getStatus(), execution.getAllFailureExceptions());
        }
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            backUp(runId(execution));
        }
        List<Faults.Fault> quarantined = faults.ofRun(runId(execution));
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
        return exitStatus(execution.getStatus(), faults.ofRun(runId).size() + (int) skipped.unreadable(runId));
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
        JobInstance last = repository.getLastJobInstance(NightlyJobConfiguration.JOB_NAME);
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
        for (JobExecution running : repository.findRunningJobExecutions(NightlyJobConfiguration.JOB_NAME)) {
            try {
                operator.stop(running);
            } catch (Exception e) {
                log.warn("Could not ask run {} to stop: {}", runId(running), e.getMessage());
            }
        }
    }

    public static String runId(JobExecution execution) {
        return execution.getJobParameters().getString(NightlyJobConfiguration.RUN_ID);
    }
}
