package cn.jintan.quality.job;

import cn.jintan.quality.PipelineProperties;
import cn.jintan.quality.store.IntakeWorkers;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;
import org.springframework.integration.jdbc.store.JdbcChannelMessageStore;
import org.springframework.integration.jdbc.store.channel.PostgresChannelMessageStoreQueryProvider;
import org.springframework.integration.store.MessageGroupQueue;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * Remote intake on PostgreSQL, no message broker: the manager's partition requests
 * ({@code StepExecutionRequest}s) go to a queue channel stored in the database
 * ({@code INT_CHANNEL_MESSAGE}, taken with {@code FOR UPDATE SKIP LOCKED}); each {@code worker}
 * process polls it and runs the partition ({@code intakeFiles}) on {@code intake.workers} threads;
 * the manager polls the job repository for the partitions' ends ({@link IntakeConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(RemoteIntake.class)
@EnableIntegration // here only: a local run starts no Spring Integration at all
class RemoteIntakeConfiguration {

    private static final String REQUESTS = "intake-requests";
    private static final Duration POLL_DELAY = Duration.ofMillis(20);

    @Bean
    JdbcChannelMessageStore intakeRequestStore(DataSource dataSource) {
        JdbcChannelMessageStore store = new JdbcChannelMessageStore(dataSource);
        store.setChannelMessageStoreQueryProvider(new PostgresChannelMessageStoreQueryProvider());
        store.setRegion("quality-briefing");
        // what a stored request holds, and nothing else is deserialized
        store.addAllowedPatterns("java.util.*", "java.lang.*", "org.springframework.messaging.*",
                "org.springframework.integration.support.*", "org.springframework.integration.message.*",
                "org.springframework.batch.integration.partition.StepExecutionRequest");
        return store;
    }

    @Bean
    QueueChannel intakeRequests(JdbcChannelMessageStore intakeRequestStore) {
        return new QueueChannel(new MessageGroupQueue(intakeRequestStore, REQUESTS));
    }

    @Bean
    IntakeWatchdog intakeWatchdog(IntakeWorkers workers, JobRepository repository, PipelineProperties properties,
                                  JdbcChannelMessageStore intakeRequestStore) {
        return new IntakeWatchdog(workers, repository, properties.intakeWorkerTimeout(),
                () -> intakeRequestStore.messageGroupSize(REQUESTS));
    }

    /** The worker's side: only in a {@code worker} process. */
    @Configuration(proxyBeanMethods = false)
    @Profile(RemoteIntake.WORKER_PROFILE)
    static class Worker {

        @Bean
        IntakeRequests intakeRequestHandler(JobRepository repository, Step intakeFiles, IntakeWorkers workers,
                                            PipelineProperties properties) {
            return new IntakeRequests(repository, intakeFiles, workers, properties.intakeWorkerTimeout());
        }

        @Bean
        IntegrationFlow intakeWorkerFlow(QueueChannel intakeRequests, IntakeRequests handler, PipelineProperties properties) {
            SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("intake-worker-");
            // a poll waits for a free thread: never more partitions at once than intake.workers.
            // One request a poll, and the next poll soon after: the delay caps a worker's partitions a
            // second (500 ms held a province month to 2 a second each); waiting for a thread, or for a
            // request (the receive timeout), is what paces an idle or busy worker, not the delay
            threads.setConcurrencyLimit(properties.workers());
            return IntegrationFlow.from(intakeRequests)
                    .handle(handler, "handle", e -> e.poller(Pollers.fixedDelay(POLL_DELAY)
                            .maxMessagesPerPoll(1).taskExecutor(handler.polls(threads))))
                    .get();
        }
    }
}
