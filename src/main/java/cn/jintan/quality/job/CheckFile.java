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

    CheckFile(Archive archive, SubmissionStore store, SubmissionValidator validator, Clock clock, String runId) {
        this.archive = archive;
        this.store = store;
        this.validator = validator;
        this.clock = clock;
        this.runId = runId;
    }

    @Override
    public ReceivedFile process(Path file) {
        String sha = Archive.sha256(file);
        Path archived = archive.keep(file, sha);
        Received received = new Received(file.getFileName().toString(), sha, archived, OffsetDateTime.now(clock), runId);
        Optional<StoredSubmission> original = store.findOriginal(sha);
        if (original.isPresent()) {
            return new ReceivedFile(file, received, original.get(), null, List.of());
        }
        List<ParsedRow> rows = new ArrayList<>();
        // validate the archived copy: staff may overwrite the input file meanwhile
        Submission submission = validator.validate(archived, received.fileName(), YearMonth.now(clock), rows::add);
        return new ReceivedFile(file, received, null, submission, submission.accepted() ? rows : List.of());
    }
}
