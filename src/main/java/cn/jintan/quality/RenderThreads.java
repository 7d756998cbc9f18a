package cn.jintan.quality;

import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One thread per processor for rendering PDFs that do not depend on each other (the receipts a
 * period's warnings change, the units' pages of a briefing): a province month has 1,300 of each.
 * The threads carry the class loader that loaded the application, since JasperReports finds its
 * fonts through the context class loader; a plain pool thread of the executable jar would not see
 * them (BOOT-INF/lib).
 */
@Component
public class RenderThreads {

    private final ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), task -> {
        Thread thread = new Thread(task, "render");
        thread.setDaemon(true);
        thread.setContextClassLoader(RenderThreads.class.getClassLoader());
        return thread;
    });

    public <R> Future<R> submit(Callable<R> task) {
        return pool.submit(task);
    }

    /**
     * Waits for a task started here: its result, or the RuntimeException or Error it ended with,
     * thrown as it was (anything else wrapped).
     */
    public static <R> R result(Future<R> task) {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering", e);
        }
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
