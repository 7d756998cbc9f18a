package cn.jintan.quality.store;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * Runs one file's inserts, in order, on a thread of its own, so H2 stores a batch while the next
 * one is read and validated. At most {@link #IN_FLIGHT} batches are queued or running; the reader
 * waits beyond that, so memory stays flat. Between the first {@link #submit} and {@link #drain}
 * only the writer touches the connection (the semaphore orders the two threads' use of it). The
 * first failure is kept and the batches after it are skipped; the reader asks {@link #failure}.
 */
final class BatchWriter implements AutoCloseable {

    static final int IN_FLIGHT = 2;

    private final Semaphore free = new Semaphore(IN_FLIGHT);
    // never interrupted: an interrupt would close H2's file channel under the transaction
    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread writer = new Thread(task, "row-writer");
        writer.setDaemon(true);
        return writer;
    });
    private volatile Throwable failure;

    /** Queues a batch, waiting while {@link #IN_FLIGHT} are ahead of it; ignored after a failure. */
    void submit(Runnable batch) {
        free.acquireUninterruptibly();
        if (failure != null) {
            free.release();
            return;
        }
        thread.execute(() -> {
            try {
                if (failure == null) {
                    batch.run();
                }
            } catch (Throwable e) {
                failure = e;
            } finally {
                free.release();
            }
        });
    }

    /** Returns once every submitted batch has run (or been skipped); the connection is the caller's again. */
    void drain() {
        free.acquireUninterruptibly(IN_FLIGHT);
        free.release(IN_FLIGHT);
    }

    /** The first exception or error of a batch, or null. */
    Throwable failure() {
        return failure;
    }

    @Override
    public void close() {
        drain();
        thread.shutdown();
    }
}
