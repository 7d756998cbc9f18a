package cn.jintan.quality.job;

import cn.jintan.quality.store.IntakeWorkers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.OptimisticLockingFailureException;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The manager's eye on remote intake while it polls the job repository: a partition whose worker
 * stopped beating for {@code intake.worker-timeout} (killed, machine off), or partitions no worker
 * took while none was alive that long, are failed in the repository, so the manager stops waiting;
 * so are partitions still waiting when the channel holds no request for them (a worker took one and
 * died before starting it, or could not read it); the intake step then fails with a line naming
 * them, and the next {@code run} continues the run
 * with what is left (files already stored are not stored again). A worker that was only slow finds
 * its partition failed: its next commit fails on the repository's version check, so nothing of it counts.
 */
class IntakeWatchdog implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(IntakeWatchdog.class);
    private static final String PARTITIONS = IntakeConfiguration.WORKER_STEP + ":";

    private final IntakeWorkers workers;
    private final JobRepository repository;
    private final Duration timeout;
    private final IntSupplier queued;
    private final List<String> failed = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService timer;
    private volatile long noWorkerSince;
    private volatile long noRequestSince;

    /** @param queued how many partition requests wait in the channel */
    IntakeWatchdog(IntakeWorkers workers, JobRepository repository, Duration timeout, IntSupplier queued) {
        this.workers = workers;
        this.repository = repository;
        this.timeout = timeout;
        this.queued = queued;
    }

    @Override
    public void beforeStep(StepExecution manager) {
        failed.clear();
        noWorkerSince = 0;
        noRequestSince = 0;
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "intake-watchdog");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(500, timeout.toMillis() / 5);
        timer.scheduleWithFixedDelay(() -> check(manager.getJobExecutionId()), every, every, TimeUnit.MILLISECONDS);
    }

    private void check(long jobExecutionId) {
        try {
            for (IntakeWorkers.Lost lost : workers.lost(jobExecutionId, PARTITIONS, timeout)) {
                fail(lost.stepExecutionId(), lost.worker() == null
                        ? "intake partition " + lost.partition() + " is marked running but no worker claims it"
                        : "intake partition " + lost.partition() + " was running on worker " + lost.worker()
                        + ", silent for " + lost.silent().toSeconds() + " s (intake.worker-timeout " + timeout.toSeconds()
                        + " s): taken for dead");
            }
            List<Long> waiting = workers.waiting(jobExecutionId, PARTITIONS);
            noRequestSince = waiting.isEmpty() || queued.getAsInt() > 0 ? 0 : since(noRequestSince);
            if (noRequestSince != 0 && System.nanoTime() - noRequestSince > timeout.toNanos()) {
                // taken from the channel by a worker that never started it (died at once, or could not read it)
                for (long id : waiting) {
                    fail(id, "the request of intake partition " + id + " was taken by a worker that never started it");
                }
                return;
            }
            if (waiting.isEmpty() || workers.anyAlive(timeout)) {
                noWorkerSince = 0;
            } else if (noWorkerSince == 0) {
                noWorkerSince = System.nanoTime();
                log.warn("Intake: {} partition(s) wait for a worker and none is running: start `worker` on a machine "
                        + "sharing this database and folder", waiting.size());
            } else if (System.nanoTime() - noWorkerSince > timeout.toNanos()) {
                for (long id : waiting) {
                    fail(id, "no worker took intake partition " + id + " within intake.worker-timeout ("
                            + timeout.toSeconds() + " s): none is running");
                }
            }
        } catch (RuntimeException e) {
            log.warn("Intake watchdog: cannot check the workers this time ({})", e.toString());
        }
    }

    private static long since(long start) {
        return start == 0 ? System.nanoTime() : start;
    }

    /** Marks a partition failed in the repository, unless it ended meanwhile. */
    private void fail(long stepExecutionId, String why) {
        StepExecution partition = repository.getStepExecution(stepExecutionId);
        if (partition == null || !partition.getStatus().isRunning()) {
            return;
        }
        partition.setStatus(BatchStatus.FAILED);
        partition.setExitStatus(ExitStatus.FAILED.addExitDescription(why));
        partition.setEndTime(LocalDateTime.now());
        try {
            repository.update(partition);
        } catch (OptimisticLockingFailureException e) {
            return; // its worker wrote it meanwhile: alive after all, the next check sees
        }
        failed.add(why);
        log.error("{}; the partition is failed, the run will fail and `run` again continues it", why);
    }

    @Override
    public ExitStatus afterStep(StepExecution manager) {
        timer.shutdownNow();
        if (failed.isEmpty()) {
            return null;
        }
        failed.forEach(why -> manager.addFailureException(new IllegalStateException(why)));
        return ExitStatus.FAILED.addExitDescription(String.join("; ", failed));
    }
}
