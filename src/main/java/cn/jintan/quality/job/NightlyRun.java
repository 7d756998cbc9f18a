package cn.jintan.quality.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Starts one nightly run; the command line's entry into the batch job. */
@Component
public class NightlyRun {

    private static final Logger log = LoggerFactory.getLogger(NightlyRun.class);
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final JobOperator operator;
    private final Job job;
    private final Clock clock;

    NightlyRun(JobOperator operator, Job nightlyJob, Clock clock) {
        this.operator = operator;
        this.job = nightlyJob;
        this.clock = clock;
    }

    /** Runs the job to its end; the returned execution tells how it went. */
    public JobExecution run() throws Exception {
        String runId = LocalDateTime.now(clock).format(RUN_ID);
        JobExecution execution = operator.start(job, new JobParametersBuilder()
                .addString(NightlyJobConfiguration.RUN_ID, runId).toJobParameters());
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            log.error("Run {} ended {}: {}", runId, execution.getStatus(), execution.getAllFailureExceptions());
        }
        return execution;
    }

    public static String runId(JobExecution execution) {
        return execution.getJobParameters().getString(NightlyJobConfiguration.RUN_ID);
    }
}
