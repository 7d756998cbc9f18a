package cn.jintan.quality.job;

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

    private final JobOperator operator;
    private final JobRepository repository;
    private final Job job;
    private final Clock clock;

    NightlyRun(JobOperator operator, JobRepository repository, Job nightlyJob, Clock clock) {
        this.operator = operator;
        this.repository = repository;
        this.job = nightlyJob;
        this.clock = clock;
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
        return execution;
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
