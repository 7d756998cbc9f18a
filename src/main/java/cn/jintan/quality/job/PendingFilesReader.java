package cn.jintan.quality.job;

import cn.jintan.quality.intake.InputFolder;
import cn.jintan.quality.intake.Names;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The files to handle when the step starts: first those an interrupted run had already taken
 * into data/intake/, then those waiting in input/, oldest first, each taken (moved out of
 * input/) only when its turn comes. Entries not taken are noted for the run summary.
 */
class PendingFilesReader implements ItemStreamReader<Path> {

    private static final Logger log = LoggerFactory.getLogger(PendingFilesReader.class);

    private final InputFolder input;
    private final SkippedFiles skipped;
    private final String runId;
    private final Deque<Path> taken = new ArrayDeque<>();
    private final Deque<InputFolder.Candidate> waiting = new ArrayDeque<>();

    PendingFilesReader(InputFolder input, SkippedFiles skipped, String runId) {
        this.input = input;
        this.skipped = skipped;
        this.runId = runId;
    }

    @Override
    public void open(ExecutionContext context) {
        taken.clear();
        waiting.clear();
        skipped.start(runId);
        InputFolder.Listing listing = input.scan();
        taken.addAll(listing.taken());
        waiting.addAll(listing.waiting());
        listing.skipped().forEach(this::skip);
    }

    @Override
    public Path read() {
        while (!taken.isEmpty()) {
            Path next = taken.poll();
            if (Files.isRegularFile(next)) {
                return next;
            }
        }
        while (!waiting.isEmpty()) {
            InputFolder.Taken next = input.take(waiting.poll());
            if (next.file() != null) {
                return next.file();
            }
            if (next.skipped() != null) {
                skip(next.skipped());
            }
        }
        return null;
    }

    private void skip(InputFolder.Skip skip) {
        skipped.add(runId, skip);
        if (skip.error() != null) {
            log.error("{}: cannot be read, left in input/ ({})", Names.printable(skip.file()), skip.error());
        } else {
            log.warn("{}: not taken ({}), left in input/", Names.printable(skip.file()), skip.reason());
        }
    }
}
