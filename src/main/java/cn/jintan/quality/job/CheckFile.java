package cn.jintan.quality.job;

import cn.jintan.quality.intake.Archive;
import cn.jintan.quality.intake.InputFolder;
import cn.jintan.quality.quarantine.Quarantine;
import cn.jintan.quality.store.Received;
import cn.jintan.quality.store.StoredSubmission;
import cn.jintan.quality.store.SubmissionStore;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Hashes and archives a file taken from input/ (its state noted first, to tell later whether it
 * changed) and looks for an earlier copy of the same bytes. Validation happens in
 * {@link RecordSubmissions}, where the rows can stream into the chunk's transaction; the file goes
 * into {@code received.tsv} as its ledger line is inserted ({@code store.ReceivedJournal}).
 */
class CheckFile implements ItemProcessor<Path, ReceivedFile> {

    private final Archive archive;
    private final SubmissionStore store;
    private final Quarantine quarantine;
    private final Clock clock;
    private final String runId;

    CheckFile(Archive archive, SubmissionStore store, Quarantine quarantine, Clock clock, String runId) {
        this.archive = archive;
        this.store = store;
        this.quarantine = quarantine;
        this.clock = clock;
        this.runId = runId;
    }

    @Override
    public ReceivedFile process(Path file) {
        InputFolder.Snapshot read = InputFolder.snapshot(file);
        Archive.Kept kept = archive.keep(file);
        String sha = kept.sha256();
        Received received = new Received(file.getFileName().toString(), sha, kept.archived(), OffsetDateTime.now(clock), runId);
        Optional<StoredSubmission> quarantined = quarantine.quarantinedByRun(runId, sha, received.fileName());
        if (quarantined.isPresent()) {
            // quarantined by this very run before it was interrupted: finish putting it aside, do not try it again
            return new ReceivedFile(file, read, received, quarantined.get(), true);
        }
        Optional<StoredSubmission> original = store.findOriginal(sha);
        if (original.isPresent()) {
            // stored by this very run before it was interrupted: finish that work, it is no re-drop
            boolean leftover = original.get().runId().equals(runId) && original.get().fileName().equals(received.fileName());
            return new ReceivedFile(file, read, received, original.get(), leftover);
        }
        return new ReceivedFile(file, read, received, null, false);
    }
}
