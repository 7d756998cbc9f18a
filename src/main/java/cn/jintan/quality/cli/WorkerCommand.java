package cn.jintan.quality.cli;

import cn.jintan.quality.PipelineProperties;
import cn.jintan.quality.job.IntakeRequests;
import cn.jintan.quality.messages.Messages;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.integration.dsl.IntegrationFlow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code worker}: stays running and does intake partitions a manager ({@code run} or
 * {@code schedule} with {@code intake.mode = remote}) sends through the shared PostgreSQL
 * database, on {@code intake.workers} threads. On SIGTERM it takes no more and lets the partitions
 * it runs finish (a little under the grace the shutdown allows); one cut short is failed by the
 * manager's watchdog and done again by the next run.
 */
@Command(name = "worker", header = "${bundle:cli.usage.worker}")
final class WorkerCommand implements Callable<Integer> {

    private static final Duration FINISH = Duration.ofSeconds(50);

    @Mixin
    Folders folders;

    @Override
    public Integer call() throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        try (Pipeline pipeline = Pipeline.startWorker(folders)) {
            ConfigurableApplicationContext context = pipeline.context();
            IntakeRequests requests = context.getBean(IntakeRequests.class);
            IntegrationFlow flow = context.getBean("intakeWorkerFlow", IntegrationFlow.class);
            pipeline.onTermination(stop::countDown);
            Messages m = Messages.catalogue();
            System.out.println(m.get("cli.worker.started", requests.worker(),
                    context.getBean(PipelineProperties.class).workers()));
            stop.await();
            if (flow instanceof org.springframework.context.Lifecycle lifecycle) {
                lifecycle.stop(); // take no more requests
            }
            requests.awaitIdle(FINISH);
            System.out.println(m.get("cli.worker.stopped", requests.worker()));
            return Main.OK;
        }
    }
}
