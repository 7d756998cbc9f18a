package cn.jintan.quality.job;

import cn.jintan.quality.PipelineProperties;
import cn.jintan.quality.intake.Archive;
import cn.jintan.quality.intake.InputFolder;
import cn.jintan.quality.quarantine.Quarantine;
import cn.jintan.quality.receipt.ReceiptIndex;
import cn.jintan.quality.receipt.ReceiptWriter;
import cn.jintan.quality.recording.SubmissionRecorder;
import cn.jintan.quality.store.SubmissionStore;
import cn.jintan.quality.store.VersionLocks;
import cn.jintan.quality.validation.SubmissionValidator;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The {@code intake} step of both jobs: a partitioned step. The manager ({@link IntakePartitioner})
 * takes the files and makes one partition per unit; each partition is the worker step
 * {@code intakeFiles}, one file per chunk: {@link PartitionFilesReader} → {@link CheckFile} →
 * {@link RecordSubmissions}. Partitions run on {@code intake.workers} threads of this process, or
 * with {@code intake.mode = remote} on {@code worker} processes ({@link RemoteIntakeConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

    static final String WORKER_STEP = "intakeFiles";

    /** How often a remote manager reads the partitions' state from the job repository. */
    private static final java.time.Duration POLL = java.time.Duration.ofSeconds(1);

    @Bean
    Step intake(JobRepository repository, IntakePartitioner partitioner, PartitionHandler intakePartitions,
                PipelineProperties properties, ObjectProvider<QueueChannel> intakeRequests,
                ObjectProvider<IntakeWatchdog> watchdog) {
        if (properties.remoteIntake()) {
            // requests to the workers over the database; their ends read back from the job repository
            return new RemotePartitioningManagerStepBuilder("intake", repository).partitioner(WORKER_STEP, partitioner)
                    .outputChannel(intakeRequests.getObject()).pollInterval(POLL.toMillis())
                    .listener(watchdog.getObject()).build();
        }
        return new StepBuilder("intake", repository).partitioner(WORKER_STEP, partitioner)
                .partitionHandler(intakePartitions).build();
    }

    @Bean
    PartitionHandler intakePartitions(Step intakeFiles, PipelineProperties properties) throws Exception {
        SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("intake-");
        threads.setConcurrencyLimit(properties.workers());
        TaskExecutorPartitionHandler handler = new TaskExecutorPartitionHandler();
        handler.setStep(intakeFiles);
        handler.setTaskExecutor(threads);
        handler.setGridSize(properties.workers());
        handler.afterPropertiesSet();
        return handler;
    }

    @Bean
    Step crossUnit(JobRepository repository, PlatformTransactionManager tx, SettleCrossUnit settle) {
        return new StepBuilder("crossUnit", repository).tasklet(settle, tx).build();
    }

    @Bean
    @StepScope
    SettleCrossUnit settleCrossUnit(SubmissionRecorder recorder, SubmissionStore store, ReceiptWriter receipts,
                                    ReceiptIndex index, @Value("#{jobParameters['run.id']}") String runId) {
        return new SettleCrossUnit(recorder, store, receipts, index, runId);
    }

    @Bean
    @StepScope
    IntakePartitioner intakePartitioner(InputFolder input, SkippedFiles skipped, SubmissionValidator validator,
                                        VersionLocks locks, PipelineProperties properties,
                                        @Value("#{jobParameters['run.id']}") String runId,
                                        @Value("#{stepExecution.id}") long managerStepId) {
        return new IntakePartitioner(input, skipped, validator, locks, properties.remoteIntake() ? IntakePartitioner.REMOTE
                : properties.workers(), runId, managerStepId);
    }

    @Bean
    Step intakeFiles(JobRepository repository, PlatformTransactionManager tx, PartitionFilesReader reader,
                     CheckFile checkFile, RecordSubmissions record) {
        // one file per chunk: a file is stored completely or not at all, and one bad file stops nothing
        // (bad input is rejected; an unexpected error on one file quarantines it, see RecordSubmissions)
        return new StepBuilder(WORKER_STEP, repository).<Path, ReceivedFile>chunk(1)
                .transactionManager(tx)
                .reader(reader)
                .processor(checkFile)
                .writer(record)
                .build();
    }

    @Bean
    @StepScope
    PartitionFilesReader partitionFilesReader(InputFolder input,
                                              @Value("#{stepExecutionContext['" + IntakePartitioner.FILES + "']}") List<String> files) {
        return new PartitionFilesReader(input, files);
    }

    @Bean
    @StepScope
    CheckFile checkFile(Archive archive, SubmissionStore store, Quarantine quarantine, Clock clock,
                        @Value("#{jobParameters['run.id']}") String runId) {
        return new CheckFile(archive, store, quarantine, clock, runId);
    }

    @Bean
    RecordSubmissions recordSubmissions(SubmissionRecorder recorder, ReceiptWriter receipts, InputFolder input, Progress progress,
                                        SubmissionValidator validator, Clock clock, PipelineProperties properties,
                                        PlatformTransactionManager tx, Quarantine quarantine, ReceiptIndex index) {
        // each file's work in a savepoint of the chunk's transaction: an unexpected error rolls back
        // that file alone, and the chunk commits the file's quarantine instead
        TransactionTemplate savepoint = new TransactionTemplate(tx);
        savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        RecordOneFile recordOne = new RecordOneFile(recorder, validator, quarantine, savepoint, properties.pausePerFile());
        return new RecordSubmissions(recordOne, receipts, input, progress, clock, quarantine, index);
    }
}
