package cn.jintan.quality.store;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The files an unexpected error kept from being checked ({@link SubmissionStatus#QUARANTINED}):
 * the ledger line, what went wrong (for the developer and the run summary) and where the file was
 * put aside.
 */
@Repository
public class Faults {

    private final JdbcClient jdbc;
    private final SubmissionStore store;

    Faults(JdbcClient jdbc, SubmissionStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    /** One quarantined file as the run summary lists it. */
    public record Fault(long submissionId, String fileName, String sha256, java.time.OffsetDateTime receivedAt,
                        String archivePath, String errorClass, String errorMessage, String rootCause, Path keptAt) {
    }

    /** Records {@code received} as quarantined because of {@code error}, in the caller's transaction. */
    @Transactional
    public StoredSubmission record(Received received, Throwable error, Path keptAt) {
        StoredSubmission kept = store.recordQuarantined(received);
        Throwable root = rootCause(error);
        jdbc.sql("INSERT INTO submission_fault (submission_id, error_class, error_message, root_cause, kept_path) "
                        + "VALUES (?, ?, ?, ?, ?)")
                .params(kept.id(), SubmissionStore.truncate(error.getClass().getName(), 500),
                        SubmissionStore.truncate(error.getMessage(), 2000),
                        root == error ? null : SubmissionStore.truncate(root.toString(), 2000), keptAt.toString())
                .update();
        return kept;
    }

    /** The file this run already quarantined under this name and content, if any (a run continued after a kill). */
    public Optional<StoredSubmission> quarantinedByRun(String runId, String sha256, String fileName) {
        return jdbc.sql("SELECT id FROM submission WHERE run_id = ? AND sha256 = ? AND file_name = ? "
                        + "AND status = 'QUARANTINED' ORDER BY id")
                .params(runId, sha256, fileName).query(Long.class).list().stream().findFirst()
                .flatMap(store::find);
    }

    /** Where a quarantined file is kept. */
    public Optional<Path> keptAt(long submissionId) {
        return jdbc.sql("SELECT kept_path FROM submission_fault WHERE submission_id = ?").param(submissionId)
                .query(String.class).optional().map(Path::of);
    }

    /** The files one run quarantined, in the order received. */
    public List<Fault> ofRun(String runId) {
        return jdbc.sql("SELECT s.id, s.file_name, s.sha256, s.received_at, s.archive_path, f.error_class, "
                        + "f.error_message, f.root_cause, f.kept_path FROM submission s "
                        + "JOIN submission_fault f ON f.submission_id = s.id WHERE s.run_id = ? ORDER BY s.id")
                .param(runId)
                .query((rs, n) -> new Fault(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, java.time.OffsetDateTime.class), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), Path.of(rs.getString(9))))
                .list();
    }

    /** The innermost cause of {@code error} (itself when it wraps none); a cause chain that loops ends where it repeats. */
    public static Throwable rootCause(Throwable error) {
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Throwable root = error;
        while (root.getCause() != null && seen.add(root)) {
            root = root.getCause();
        }
        return root;
    }
}
