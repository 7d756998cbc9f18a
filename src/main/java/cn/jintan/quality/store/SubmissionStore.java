package cn.jintan.quality.store;

import cn.jintan.quality.domain.SubmissionSheet;
import cn.jintan.quality.validation.Issue;
import cn.jintan.quality.validation.RowSink;
import cn.jintan.quality.validation.Submission;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The ledger of received files and the rows of accepted submissions: commands and queries only.
 * Which version a file is and what it supersedes is decided in {@code recording}, which runs
 * these commands in one transaction per file.
 */
@Repository
public class SubmissionStore {

    private static final String COLUMNS = "id, file_name, sha256, unit_code, period, version, status, received_at, "
            + "duplicate_of, superseded_by, run_id, rows_quality, rows_financing, rows_fees";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final DataSource dataSource;
    private final Tallies tallies;
    private final Database database;
    private final java.time.ZoneId zone;
    private final ReceivedJournal journal;
    private final RowMapper<StoredSubmission> mapper = this::map;

    SubmissionStore(JdbcClient jdbc, JdbcTemplate template, DataSource dataSource, Tallies tallies, Database database,
                    java.time.Clock clock, ReceivedJournal journal) {
        this.journal = journal;
        this.jdbc = jdbc;
        this.template = template;
        this.dataSource = dataSource;
        this.tallies = tallies;
        this.database = database;
        this.zone = clock.getZone();
    }

    /**
     * The first file ever received with these bytes (not itself a duplicate). A quarantined file
     * was never checked, so the same bytes sent again are checked afresh.
     */
    public Optional<StoredSubmission> findOriginal(String sha256) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM submission WHERE sha256 = ? "
                        + "AND status NOT IN (?, ?) ORDER BY id")
                .params(sha256, SubmissionStatus.DUPLICATE.name(), SubmissionStatus.QUARANTINED.name())
                .query(mapper).optional();
    }

    /** How many files the ledger holds, whatever their status. */
    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM submission").query(Long.class).single();
    }

    public Optional<StoredSubmission> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM submission WHERE id = ?").param(id).query(mapper).optional();
    }

    /** The newest accepted version {@code id} superseded, if any (its receipt says 本版替代第N版). */
    public Optional<StoredSubmission> replacedBy(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM submission WHERE superseded_by = ? ORDER BY version DESC, id DESC LIMIT 1")
                .param(id).query(mapper).optional();
    }

    /** Records a byte-identical copy of {@code original}: nothing of it counts. */
    @Transactional
    public StoredSubmission recordDuplicate(Received received, StoredSubmission original) {
        long id = insert(received, original.unitCode(), original.period(), original.version(),
                SubmissionStatus.DUPLICATE, original.id(), null, null, null);
        return find(id).orElseThrow();
    }

    /**
     * Records a file that an unexpected error kept from being checked: a ledger line only (no unit,
     * period, rows or issues), in the caller's transaction.
     */
    @Transactional
    StoredSubmission recordQuarantined(Received received) {
        long id = insert(received, null, null, null, SubmissionStatus.QUARANTINED, null, null, null, null);
        return find(id).orElseThrow();
    }

    /** Opens the ledger line of a file about to be checked: REJECTED until {@link #complete} says otherwise. */
    @Transactional
    public long open(Received received) {
        // the ledger line first, so streamed rows can reference it
        return insert(received, null, null, null, SubmissionStatus.REJECTED, null, null, null, null);
    }

    /**
     * Runs {@code validation} on the ledger line {@code id}, in the caller's transaction: it streams
     * the valid rows into the sink it is given and they go to the database in batches while the
     * file is read. An accepted file keeps its rows and its tally; a rejected one stores no rows.
     */
    @Transactional
    public Submission storeRows(long id, Function<RowSink, Submission> validation) {
        Submission submission;
        long written;
        // the transaction's own connection (bound to this thread), so the rows share its fate
        Connection connection = DataSourceUtils.getConnection(dataSource);
        Tally tally = new Tally();
        try (BatchedRows rows = new BatchedRows(connection, id, template.getExceptionTranslator(),
                database == Database.POSTGRESQL)) {
            submission = validation.apply(row -> {
                rows.accept(row);
                tally.accept(row);
            });
            rows.finish(submission.accepted());
            written = rows.written();
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        if (submission.accepted()) {
            tallies.save(id, tally);
        } else if (written > 0) {
            // a rejected file stores no rows: take back the batches already sent (same transaction)
            for (SubmissionSheet sheet : SubmissionSheet.values()) {
                jdbc.sql("DELETE FROM " + sheet.table() + " WHERE submission_id = ?").param(id).update();
            }
        }
        return submission;
    }

    /** Completes the ledger line of a checked file: its unit, period, version, status, cover and row counts. */
    @Transactional
    public void complete(long id, Submission submission, Integer version) {
        SubmissionStatus status = submission.accepted() ? SubmissionStatus.ACCEPTED : SubmissionStatus.REJECTED;
        jdbc.sql("UPDATE submission SET unit_code = ?, period = ?, version = ?, status = ?, unit_text = ?, filled_by = ?, "
                        + "phone = ?, rows_quality = ?, rows_financing = ?, rows_fees = ? WHERE id = ?")
                .params(submission.cover().unit().map(u -> u.code()).orElse(null),
                        submission.cover().period().map(Object::toString).orElse(null), version, status.name(),
                        truncate(submission.cover().unitText(), 200),
                        truncate(submission.cover().filledBy(), 200), truncate(submission.cover().phone(), 100),
                        submission.rowCounts().getOrDefault(SubmissionSheet.QUALITY, 0),
                        submission.rowCounts().getOrDefault(SubmissionSheet.FINANCING, 0),
                        submission.rowCounts().getOrDefault(SubmissionSheet.FEES, 0), id)
                .update();
    }

    /** Every file received for a unit and period, in the order received. */
    public List<StoredSubmission> versions(String unit, String period) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM submission WHERE unit_code = ? AND period = ? ORDER BY id")
                .params(unit, period).query(mapper).list();
    }

    /** Marks accepted submissions superseded by {@code newer}. */
    @Transactional
    public void supersede(List<Long> ids, long newer) {
        for (long id : ids) {
            jdbc.sql("UPDATE submission SET status = ?, superseded_by = ? WHERE id = ?")
                    .params(SubmissionStatus.SUPERSEDED.name(), newer, id).update();
        }
    }

    private long insert(Received r, String unit, String period, Integer version, SubmissionStatus status,
                        Long duplicateOf, String unitText, String filledBy, String phone) {
        KeyHolder key = new GeneratedKeyHolder();
        synchronized (journal) { // the journal's order is the ids' order, whatever the partitions
            journal.note(r);
            jdbc.sql("INSERT INTO submission (file_name, sha256, unit_code, period, version, status, duplicate_of, "
                            + "received_at, run_id, archive_path, unit_text, filled_by, phone) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(r.fileName(), r.sha256(), unit, period, version, status.name(), duplicateOf,
                            r.receivedAt(), r.runId(), r.archived() == null ? null : r.archived().toString(),
                            truncate(unitText, 200), truncate(filledBy, 200), truncate(phone, 100))
                    .update(key, "id");
        }
        return key.getKey().longValue();
    }

    /** Adds issues to a stored submission, after those it has. */
    @Transactional
    public void addIssues(long submissionId, List<Issue> issues) {
        List<Object[]> args = issues.stream().map(i -> new Object[]{submissionId, i.severity().name(), i.code(),
                i.sheet(), i.cell(), i.row(), i.column(), truncate(i.value(), 1000), truncate(i.message(), 2000)}).toList();
        template.batchUpdate("INSERT INTO submission_issue (submission_id, severity, code, sheet, cell, row_no, "
                + "column_name, cell_value, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", args);
    }

    /** Replaces a stored submission's issues of one rule by {@code issues}, in their order (after its others). */
    @Transactional
    public void replaceIssues(long submissionId, String code, List<Issue> issues) {
        jdbc.sql("DELETE FROM submission_issue WHERE submission_id = ? AND code = ?").params(submissionId, code).update();
        addIssues(submissionId, issues);
    }

    /** Where the original bytes of a received file are kept ({@code data/archive/}), if recorded. */
    public Optional<java.nio.file.Path> archivePath(long submissionId) {
        return jdbc.sql("SELECT archive_path FROM submission WHERE id = ?").param(submissionId)
                .query(String.class).list().stream().filter(java.util.Objects::nonNull).findFirst().map(java.nio.file.Path::of);
    }

    /** Issues of a stored submission, in the order found. */
    public List<Issue> issues(long submissionId) {
        return jdbc.sql("SELECT severity, code, sheet, cell, row_no, column_name, cell_value, message "
                        + "FROM submission_issue WHERE submission_id = ? ORDER BY id")
                .param(submissionId)
                .query((rs, n) -> new Issue(cn.jintan.quality.validation.Severity.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getString(3), rs.getString(4), (Integer) rs.getObject(5), rs.getString(6), rs.getString(7),
                        rs.getString(8)))
                .list();
    }

    /**
     * The tally of an accepted (or superseded) submission, taken as it streamed in: figure key
     * ({@code Indicator#key()}) to its sum. Empty for a file that was not accepted.
     */
    public Map<String, java.math.BigDecimal> tally(long submissionId) {
        Map<String, java.math.BigDecimal> tally = new java.util.LinkedHashMap<>();
        jdbc.sql("SELECT figure, tally_value FROM submission_tally WHERE submission_id = ? ORDER BY figure")
                .param(submissionId).query((ResultSet rs) -> {
                    tally.put(rs.getString(1), rs.getBigDecimal(2));
                });
        return tally;
    }

    /** Every submission received for a period, per unit newest first; an unknown unit first on either database. */
    public List<StoredSubmission> forPeriod(String period) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM submission WHERE period = ? ORDER BY unit_code NULLS FIRST, id DESC")
                .param(period).query(mapper).list();
    }

    /** The periods that submissions of this run touched. */
    public List<String> periodsOfRun(String runId) {
        return jdbc.sql("SELECT DISTINCT period FROM submission WHERE run_id = ? AND period IS NOT NULL ORDER BY period")
                .param(runId).query(String.class).list();
    }

    /** The latest period with an accepted submission. */
    public Optional<String> latestAcceptedPeriod() {
        return jdbc.sql("SELECT period FROM submission WHERE status = ? ORDER BY period DESC LIMIT 1")
                .param(SubmissionStatus.ACCEPTED.name()).query(String.class).optional();
    }

    /** Everything received by one run, in the order received. */
    public List<StoredSubmission> ofRun(String runId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM submission WHERE run_id = ? ORDER BY id")
                .param(runId).query(mapper).list();
    }

    /**
     * How many submissions the files of one run superseded: earlier versions (of this run or any
     * before) that a file of this run replaced. The run that replaced version 2 counts it.
     */
    public long supersededByRun(String runId) {
        return jdbc.sql("SELECT COUNT(*) FROM submission s JOIN submission n ON n.id = s.superseded_by WHERE n.run_id = ?")
                .param(runId).query(Long.class).single();
    }

    static String truncate(String s, int max) {
        return cn.jintan.quality.workbook.Text.fit(s, max);
    }

    /**
     * A stored time in the installation's zone: H2 gives back the offset it was stored with,
     * PostgreSQL's driver always UTC; receipts and run records show the same either way.
     */
    java.time.OffsetDateTime inZone(java.time.OffsetDateTime stored) {
        return stored == null ? null : stored.atZoneSameInstant(zone).toOffsetDateTime();
    }

    private StoredSubmission map(ResultSet rs, int rowNum) throws SQLException {
        return new StoredSubmission(rs.getLong("id"), rs.getString("file_name"), rs.getString("sha256"),
                rs.getString("unit_code"), rs.getString("period"), (Integer) rs.getObject("version"),
                SubmissionStatus.valueOf(rs.getString("status")),
                inZone(rs.getObject("received_at", java.time.OffsetDateTime.class)),
                (Long) rs.getObject("duplicate_of"), (Long) rs.getObject("superseded_by"), rs.getString("run_id"),
                rs.getInt("rows_quality"), rs.getInt("rows_financing"), rs.getInt("rows_fees"));
    }
}
