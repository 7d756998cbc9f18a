package cn.jintan.quality.job;

import cn.jintan.quality.store.IntakeWorkers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.TaskRejectedException;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@code worker} process's side of remote intake: while it lives it beats in
 * {@code intake_worker} (database time), and for each partition request it takes from the channel
 * it claims the partition, then runs it with Spring Batch's {@link StepExecutionRequestHandler}. A
 * request whose partition is no longer waiting to start (the manager failed it, or the run was
 * continued with new partitions since) is dropped: running it would race the files' new partition.
 */
public class IntakeRequests implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IntakeRequests.class);

    private final org.springframework.batch.core.repository.JobRepository repository;
    private final StepExecutionRequestHandler handler = new StepExecutionRequestHandler();
    private final IntakeWorkers workers;
    private final Duration beat;
    private final String worker = workerName();
    private final AtomicInteger running = new AtomicInteger();
    private ScheduledExecutorService heart;

    IntakeRequests(org.springframework.batch.core.repository.JobRepository repository, Step intakeFiles,
                   IntakeWorkers workers, Duration timeout) {
        this.repository = repository;
        this.workers = workers;
        // several beats within the timeout: one lost to a busy database is no death
        this.beat = timeout.dividedBy(5).compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : timeout.dividedBy(5);
        handler.setJobRepository(repository);
        handler.setStepLocator(name -> {
            if (!name.equals(intakeFiles.getName())) {
                throw new IllegalArgumentException("a worker runs " + intakeFiles.getName() + " only, not " + name);
            }
            return intakeFiles;
        });
    }

    /** How this process is named in {@code intake_worker}: host, process id and a random part. */
    public String worker() {
        return worker;
    }

    /** Called by the channel's poller with each request. */
    public void handle(StepExecutionRequest request) {
        StepExecution partition = repository.getStepExecution(request.getStepExecutionId());
        if (partition == null || partition.getStatus() != BatchStatus.STARTING) {
            log.warn("Partition request {} dropped: that partition is {} (its run moved on)", request,
                    partition == null ? "gone" : partition.getStatus());
            return;
        }
        workers.claim(worker, partition.getId());
        try {
            log.info("Partition {} of run {}: started by worker {}", partition.getStepName(), runId(partition), worker);
            StepExecution done = handler.handle(request);
            log.info("Partition {} of run {}: {}", done.getStepName(), runId(done), done.getStatus());
        } finally {
            workers.release(partition.getId());
        }
    }

    /**
     * The worker's polls of the request channel, run on {@code threads}: each counts as running from
     * its start (waiting for a free thread) to its end (no request, or its partition done), so that
     * {@link #awaitIdle} also waits for a poll that could still take a request. A poll still waiting
     * for a thread when the worker stops is interrupted and never ran: no request was taken, nothing
     * to report (Spring Integration would log it as an error, with a stack trace, at every Ctrl-C).
     */
    public Executor polls(Executor threads) {
        return poll -> {
            running.incrementAndGet();
            try {
                threads.execute(() -> {
                    try {
                        poll.run();
                    } finally {
                        pollEnded();
                    }
                });
            } catch (TaskRejectedException e) {
                pollEnded();
                if (!Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                log.debug("Worker stopping: a poll waiting for a free thread was cancelled");
            }
        };
    }

    private void pollEnded() {
        synchronized (running) {
            running.decrementAndGet();
            running.notifyAll();
        }
    }

    /** Waits until no poll or partition runs here, at most {@code grace}; whether none does. */
    public boolean awaitIdle(Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        synchronized (running) {
            while (running.get() > 0 && System.nanoTime() < deadline) {
                running.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
            return running.get() == 0;
        }
    }

    private static String runId(StepExecution partition) {
        return partition.getJobExecution().getJobParameters().getString(NightlyJobConfiguration.RUN_ID);
    }

    @Override
    public synchronized void start() {
        if (heart != null) {
            return;
        }
        workers.beat(worker);
        heart = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "worker-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heart.scheduleWithFixedDelay(this::beat, beat.toMillis(), beat.toMillis(), TimeUnit.MILLISECONDS);
        log.info("Worker {} started, beating every {} s", worker, beat.toSeconds());
    }

    private void beat() {
        try {
            workers.beat(worker);
        } catch (RuntimeException e) {
            log.warn("Worker {}: heartbeat failed ({}); trying again", worker, e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (heart != null) {
            heart.shutdownNow();
            heart = null;
            workers.leave(worker);
            log.info("Worker {} left", worker);
        }
    }

    @Override
    public boolean isRunning() {
        return heart != null;
    }

    /** Stops after the channel's poller (a later phase starts later and stops earlier). */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }

    private static String workerName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + ":" + ManagementFactory.getRuntimeMXBean().getPid() + ":" + UUID.randomUUID().toString().substring(0, 8);
    }
}
