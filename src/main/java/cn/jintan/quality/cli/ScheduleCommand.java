package cn.jintan.quality.cli;

import cn.jintan.quality.PipelineProperties;
import cn.jintan.quality.job.NightlyRun;
import cn.jintan.quality.messages.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.support.CronExpression;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code schedule}: stays running and does a {@code run} at the cron time of {@code jobs/}. Runs
 * happen one after another on this thread, and the database lock keeps any other process out, so
 * two runs never overlap.
 */
@Command(name = "schedule", header = "${bundle:cli.usage.schedule}")
final class ScheduleCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ScheduleCommand.class);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss XXX");

    @Mixin
    Folders folders;

    @Option(names = {"-h", "--help"}, usageHelp = true, descriptionKey = "cli.option.help")
    boolean help;

    @Override
    public Integer call() throws Exception {
        try (Pipeline pipeline = Pipeline.start(folders, Pipeline::requireInput)) {
            ConfigurableApplicationContext context = pipeline.context();
            PipelineProperties properties = context.getBean(PipelineProperties.class);
            NightlyRun nightlyRun = context.getBean(NightlyRun.class);
            CronExpression cron = CronExpression.parse(properties.scheduleCron());
            AtomicBoolean stopping = new AtomicBoolean();
            pipeline.onTermination(() -> {
                stopping.set(true);
                nightlyRun.stopRunning();
            });
            Messages m = Messages.catalogue();
            while (!stopping.get()) {
                ZonedDateTime next = cron.next(ZonedDateTime.now(properties.zone()));
                System.out.println(m.get("cli.schedule.next", next.format(SHOWN), properties.scheduleCron()));
                if (!sleepUntil(next, stopping)) {
                    break;
                }
                try {
                    JobExecution execution = nightlyRun.run();
                    RunCommand.report(context, execution);
                } catch (Exception e) {
                    // a failed run is retried at the next scheduled time; the schedule itself goes on
                    log.error("Scheduled run failed: {}", e.toString(), e);
                }
            }
            System.out.println(m.get("cli.schedule.stopped"));
            return Main.OK;
        }
    }

    /** Sleeps in short steps so SIGTERM is answered at once; false when asked to stop. */
    private static boolean sleepUntil(ZonedDateTime time, AtomicBoolean stopping) throws InterruptedException {
        while (!stopping.get()) {
            Duration left = Duration.between(ZonedDateTime.now(time.getZone()), time);
            if (left.isNegative() || left.isZero()) {
                return true;
            }
            Thread.sleep(Math.min(left.toMillis() + 1, 500));
        }
        return false;
    }
}
