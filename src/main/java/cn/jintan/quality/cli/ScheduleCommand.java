package cn.jintan.quality.cli;

import cn.jintan.quality.PipelineProperties;
import cn.jintan.quality.job.NightlyRun;
import cn.jintan.quality.job.Schedule;
import cn.jintan.quality.job.Timetable;
import cn.jintan.quality.store.StoredSubmission;
import cn.jintan.quality.store.SubmissionStore;
import org.springframework.batch.core.BatchStatus;
import cn.jintan.quality.messages.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code schedule}: stays running and does a {@code run} at the cron time of {@code jobs/}, and
 * during working hours a daytime intake pass every few minutes (receipts at once, briefings at
 * night; see {@link Timetable}). Runs happen one after another on this thread, and the database
 * lock keeps any other process out, so two runs never overlap.
 */
@Command(name = "schedule", header = "${bundle:cli.usage.schedule}")
final class ScheduleCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ScheduleCommand.class);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss XXX");

    @Mixin
    Folders folders;


    @Override
    public Integer call() throws Exception {
        AtomicBoolean stopping = new AtomicBoolean();
        try (Pipeline pipeline = Pipeline.startNightly(folders, () -> stopping.set(true))) {
            ConfigurableApplicationContext context = pipeline.context();
            PipelineProperties properties = context.getBean(PipelineProperties.class);
            NightlyRun nightlyRun = pipeline.nightlyRun();
            Clock clock = context.getBean(Clock.class);
            Timetable timetable = Timetable.of(properties);
            Messages m = Messages.catalogue();
            if (timetable.intakeEnabled()) {
                System.out.println(m.get("cli.schedule.intake", timetable.from(), timetable.to(), describe(timetable.every()),
                        properties.zone(), properties.scheduleIntakeEvery().strip()));
            }
            new Schedule(timetable, clock, nightlyRun).run(time -> sleepUntil(time, clock, stopping), new Schedule.Listener() {
                private ZonedDateTime announced;

                @Override
                public void due(Timetable.Due due) {
                    // the nightly time once, not every intake pass
                    ZonedDateTime nightly = due.kind() == Timetable.Kind.NIGHTLY ? due.time()
                            : timetable.nextNightly(due.time());
                    if (!nightly.equals(announced)) {
                        announced = nightly;
                        System.out.println(m.get("cli.schedule.next", nightly.format(SHOWN), properties.scheduleCron()));
                    }
                }

                @Override
                public void ran(Timetable.Kind kind, JobExecution execution) {
                    if (kind == Timetable.Kind.NIGHTLY || !NightlyRun.intake(execution)) {
                        RunCommand.report(context, execution);
                    } else {
                        intakeDone(context, execution);
                    }
                }
            });
            System.out.println(m.get("cli.schedule.stopped"));
            return Main.OK;
        }
    }

    /** A daytime pass: what came in and where the receipts are; the briefings wait for the night. */
    private static void intakeDone(ConfigurableApplicationContext context, JobExecution execution) {
        String runId = NightlyRun.runId(execution);
        Path output = context.getBean(PipelineProperties.class).output().toAbsolutePath().normalize();
        List<StoredSubmission> received = context.getBean(SubmissionStore.class).ofRun(runId);
        Messages m = Messages.catalogue();
        String key = execution.getStatus() == BatchStatus.COMPLETED ? "cli.schedule.intake.done" : "cli.run.failed";
        System.out.println(m.get(key, runId, output, received.size()));
    }

    /** 5 分钟, 90 秒, 1 小时. */
    private static String describe(Duration every) {
        Messages m = Messages.catalogue();
        return every.toSecondsPart() != 0 ? m.get("cli.schedule.every.seconds", every.toSeconds())
                : every.toMinutesPart() != 0 ? m.get("cli.schedule.every.minutes", every.toMinutes())
                : m.get("cli.schedule.every.hours", every.toHours());
    }

    /** Sleeps in short steps so SIGTERM is answered at once; false when asked to stop. */
    private static boolean sleepUntil(ZonedDateTime time, Clock clock, AtomicBoolean stopping) throws InterruptedException {
        while (!stopping.get()) {
            Duration left = Duration.between(ZonedDateTime.now(clock), time);
            if (left.isNegative() || left.isZero()) {
                return true;
            }
            Thread.sleep(Math.min(left.toMillis() + 1, 500));
        }
        return false;
    }
}
