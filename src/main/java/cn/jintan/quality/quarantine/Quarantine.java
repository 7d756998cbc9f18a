package cn.jintan.quality.quarantine;

import cn.jintan.quality.store.QuarantineRecords;
import cn.jintan.quality.store.QuarantinedFile;
import cn.jintan.quality.store.Received;
import cn.jintan.quality.store.StoredSubmission;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Files an unexpected error kept from being checked: which errors put a file aside rather than
 * fail the run, recording the file as quarantined with what went wrong, putting it aside under
 * {@code data/quarantine/}, and what a run quarantined, for its summary. Never deletes anything.
 */
@Component
public class Quarantine {

    private final QuarantineFolder folder;
    private final QuarantineRecords records;

    Quarantine(QuarantineFolder folder, QuarantineRecords records) {
        this.folder = folder;
        this.records = records;
    }

    /**
     * True when {@code error} is the run's (the database or its transaction in trouble): it fails
     * the run, as every file would hit it. Otherwise it is a bug hit by one file, which is quarantined.
     */
    public static boolean failsTheRun(Throwable error) {
        return ErrorScope.failsTheRun(error);
    }

    /** The innermost cause of {@code error}: what actually went wrong. */
    public static Throwable rootCause(Throwable error) {
        return ErrorScope.rootCause(error);
    }

    /**
     * Records {@code received} as quarantined because of {@code error}, in the caller's transaction;
     * the file itself is put aside by {@link #putAside} once that commits.
     */
    @Transactional
    public StoredSubmission record(Received received, Throwable error) {
        return records.record(received, error, ErrorScope.rootCause(error), folder.place(received.sha256(), received.fileName()));
    }

    /** Where a quarantined file is (or is to be) kept. */
    public Path keptAt(StoredSubmission quarantined) {
        return records.keptAt(quarantined.id()).orElseThrow();
    }

    /**
     * Copies {@code source} (or, when it is gone meanwhile, the {@code archived} copy) to
     * {@code keptAt}, with its original name beside it; doing it again changes nothing.
     */
    public void putAside(Path source, Path archived, Path keptAt, String originalName) {
        folder.keep(source, archived, keptAt, originalName);
    }

    /** The file this run already quarantined under this name and content, if any (a run continued after a kill). */
    public Optional<StoredSubmission> quarantinedByRun(String runId, String sha256, String fileName) {
        return records.quarantinedByRun(runId, sha256, fileName);
    }

    /** The files one run quarantined, in the order received. */
    public List<QuarantinedFile> ofRun(String runId) {
        return records.ofRun(runId);
    }
}
