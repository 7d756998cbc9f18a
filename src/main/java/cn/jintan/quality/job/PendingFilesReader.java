package cn.jintan.quality.job;

import cn.jintan.quality.intake.InputFolder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/** The files waiting in {@code input/} when the step starts, oldest first. */
class PendingFilesReader implements ItemStreamReader<Path> {

    private final InputFolder input;
    private final Deque<Path> pending = new ArrayDeque<>();

    PendingFilesReader(InputFolder input) {
        this.input = input;
    }

    @Override
    public void open(ExecutionContext context) {
        pending.clear();
        pending.addAll(input.pendingFiles());
    }

    @Override
    public Path read() {
        Path next = pending.poll();
        while (next != null && !Files.exists(next)) {
            next = pending.poll(); // taken away since listing (by staff, or a previous attempt)
        }
        return next;
    }
}
