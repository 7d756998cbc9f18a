package cn.jintan.quality.job;

import cn.jintan.quality.intake.Archive;
import cn.jintan.quality.store.Received;
import cn.jintan.quality.store.StoredSubmission;
import cn.jintan.quality.store.SubmissionStore;
import cn.jintan.quality.validation.ParsedRow;
import cn.jintan.quality.validation.Submission;
import cn.jintan.quality.validation.SubmissionValidator;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Hashes and archives a file, then validates it unless the same bytes were already received. */
class CheckFile implements ItemProcessor<Path, ReceivedFile> {

    private final Archive archive;
    private final SubmissionStore store;
    private final SubmissionValidator validator;
    private final Clock clock;
    private final String runId;
    private final Duration pause;

    CheckFile(Archive archive, SubmissionStore store, SubmissionValidator validator, Clock clock, String runId,
              Duration pause) {
        this.archive = archive;
        this.store = store;
        this.validator = validator;
        this.clock = clock;
        this.runId = runId;
        this.pause = pause;
    }

    /** {@code qb.pause-per-file}: slows runs down so crash tests can kill one mid-way. Zero in production. */
    private void pause() {
        if (!pause.isZero()) {
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public ReceivedFile process(Path file) {
        String sha = Archive.sha256(file);
        Path archived = archive.keep(file, sha);
        Received received = new Received(file.getFileName().toString(), sha, archived, OffsetDateTime.now(clock), runId);
        Optional<StoredSubmission> original = store.findOriginal(sha);
        if (original.isPresent()) {
            // stored by this very run before it was interrupted: finish that work, it is no re-drop
            boolean leftover = original.get().runId().equals(runId) && original.get().fileName().equals(received.fileName());
            return new ReceivedFile(file, received, original.get(), leftover, null, List.of());
        }
        List<ParsedRow> rows = new ArrayList<>();
        // validate the archived copy: staff may overwrite the input file meanwhile
        Submission submission = validator.validate(archived, received.fileName(), YearMonth.now(clock), rows::add);
        pause();
        return new ReceivedFile(file, received, null, false, submission, submission.accepted() ? rows : List.of());
    }
}
