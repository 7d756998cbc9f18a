package cn.jintan.quality.cli;

import cn.jintan.quality.PipelineProperties;
import cn.jintan.quality.job.NightlyRun;
import cn.jintan.quality.messages.Messages;
import cn.jintan.quality.store.StoredSubmission;
import cn.jintan.quality.store.SubmissionStatus;
import cn.jintan.quality.store.SubmissionStore;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code run}: one nightly run over everything waiting in input/. */
@Command(name = "run", header = "${bundle:cli.usage.run}")
final class RunCommand implements Callable<Integer> {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RunCommand.class);

    @Mixin
    Folders folders;


    @Override
    public Integer call() throws Exception {
        try (Pipeline pipeline = Pipeline.startNightly(folders, () -> { })) {
            ConfigurableApplicationContext context = pipeline.context();
            // JVM uptime at both ends: how much of a run is start-up and how much our work (docs/performance.md)
            long ready = uptime();
            log.info("Context ready at JVM uptime {} ms", ready);
            JobExecution execution = pipeline.nightlyRun().run();
            log.info("Job finished at JVM uptime {} ms ({} ms of work)", uptime(), uptime() - ready);
            return report(context, execution);
        }
    }

    private static long uptime() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
    }

    static int report(ConfigurableApplicationContext context, JobExecution execution) {
        String runId = NightlyRun.runId(execution);
        Path output = context.getBean(PipelineProperties.class).output();
        List<StoredSubmission> received = context.getBean(SubmissionStore.class).ofRun(runId);
        Messages m = Messages.catalogue();
        System.out.println(m.get("cli.run.files", received.size(), count(received, SubmissionStatus.ACCEPTED),
                count(received, SubmissionStatus.REJECTED), count(received, SubmissionStatus.DUPLICATE),
                context.getBean(SubmissionStore.class).supersededByRun(runId))); // as in the run record
        String key = switch (execution.getStatus()) {
            case COMPLETED -> "cli.run.done";
            case STOPPED, STOPPING -> "cli.run.stopped";
            default -> "cli.run.failed";
        };
        System.out.println(m.get(key, runId, output.toAbsolutePath().normalize()));
        long quarantined = count(received, SubmissionStatus.QUARANTINED);
        if (quarantined > 0) {
            Path kept = context.getBean(PipelineProperties.class).quarantine().toAbsolutePath().normalize();
            System.out.println(m.get("cli.run.quarantined", quarantined, kept, output.toAbsolutePath().normalize(), runId));
        }
        int skipped = context.getBean(NightlyRun.class).skipped(execution).size();
        if (skipped > 0) {
            System.out.println(m.get("cli.run.skipped", skipped, output.toAbsolutePath().normalize(), runId));
        }
        return context.getBean(NightlyRun.class).exitStatus(execution);
    }

    private static long count(List<StoredSubmission> received, SubmissionStatus status) {
        return received.stream().filter(s -> s.status() == status).count();
    }
}
