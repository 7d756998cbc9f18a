package cn.jintan.quality.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * The loop of {@code schedule}: waits for what the {@link Timetable} says is due next and does it,
 * one run after another on the calling thread, so two runs never overlap. Time comes from the
 * clock and waiting from the {@link Waiter}, so a test can pass a day without sleeping through it.
 */
public final class Schedule {

    private static final Logger log = LoggerFactory.getLogger(Schedule.class);

    /** Waits until a time; false when the schedule is to stop instead. */
    @FunctionalInterface
    public interface Waiter {
        boolean waitUntil(ZonedDateTime time) throws InterruptedException;
    }

    /** Told what is due next and what each run did (the terminal lines of {@code schedule}). */
    public interface Listener {
        void due(Timetable.Due due);

        void ran(Timetable.Kind kind, JobExecution execution);
    }

    private final Timetable timetable;
    private final Clock clock;
    private final NightlyRun runs;

    public Schedule(Timetable timetable, Clock clock, NightlyRun runs) {
        this.timetable = timetable;
        this.clock = clock;
        this.runs = runs;
    }

    /** Runs until the waiter says stop. A failed run is logged; the schedule goes on (the next run continues it). */
    public void run(Waiter waiter, Listener listener) throws InterruptedException {
        ZonedDateTime lastDue = ZonedDateTime.now(clock);
        while (true) {
            Timetable.Due due = timetable.next(lastDue, ZonedDateTime.now(clock));
            listener.due(due);
            if (!waiter.waitUntil(due.time())) {
                return;
            }
            lastDue = due.time();
            try {
                Optional<JobExecution> execution = due.kind() == Timetable.Kind.NIGHTLY
                        ? Optional.of(runs.run()) : runs.intakePass();
                execution.ifPresent(e -> listener.ran(due.kind(), e));
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                log.error("Scheduled {} run failed: {}", due.kind(), e.toString(), e);
            }
        }
    }
}
