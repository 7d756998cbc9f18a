package cn.jintan.quality.store;

import cn.jintan.quality.workbook.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The quarantined files in the database (the quarantine component's records, kept by store, which owns the tables): the ledger line ({@code QUARANTINED}) and, in
 * {@code submission_fault}, what went wrong (for the developer and the run summary) and where the
 * file was put aside.
 */
@Repository
public class QuarantineRecords {

    private final JdbcClient jdbc;
    private final SubmissionStore store;

    QuarantineRecords(JdbcClient jdbc, SubmissionStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    /**
     * Records {@code received} as quarantined because of {@code error} (whose innermost cause is
     * {@code root}), in the caller's transaction.
     */
    public StoredSubmission record(Received received, Throwable error, Throwable root, Path keptAt) {
        StoredSubmission kept = store.recordQuarantined(received);
        jdbc.sql("INSERT INTO submission_fault (submission_id, error_class, error_message, root_cause, kept_path) "
                        + "VALUES (?, ?, ?, ?, ?)")
                .params(kept.id(), Text.fit(error.getClass().getName(), 500), Text.fit(error.getMessage(), 2000),
                        root == error ? null : Text.fit(root.toString(), 2000), keptAt.toString())
                .update();
        return kept;
    }

    /** The file this run already quarantined under this name and content, if any (a run continued after a kill). */
    public Optional<StoredSubmission> quarantinedByRun(String runId, String sha256, String fileName) {
        return jdbc.sql("SELECT id FROM submission WHERE run_id = ? AND sha256 = ? AND file_name = ? "
                        + "AND status = ? ORDER BY id")
                .params(runId, sha256, fileName, SubmissionStatus.QUARANTINED.name()).query(Long.class).list().stream().findFirst()
                .flatMap(store::find);
    }

    /** Where a quarantined file is kept. */
    public Optional<Path> keptAt(long submissionId) {
        return jdbc.sql("SELECT kept_path FROM submission_fault WHERE submission_id = ?").param(submissionId)
                .query(String.class).optional().map(Path::of);
    }

    /** The files one run quarantined, in the order received. */
    public List<QuarantinedFile> ofRun(String runId) {
        return jdbc.sql("SELECT s.id, s.file_name, s.sha256, s.received_at, s.archive_path, f.error_class, "
                        + "f.error_message, f.root_cause, f.kept_path FROM submission s "
                        + "JOIN submission_fault f ON f.submission_id = s.id WHERE s.run_id = ? ORDER BY s.id")
                .param(runId)
                .query((rs, n) -> new QuarantinedFile(rs.getLong(1), rs.getString(2), rs.getString(3),
                        store.inZone(rs.getObject(4, OffsetDateTime.class)), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), Path.of(rs.getString(9))))
                .list();
    }
}
