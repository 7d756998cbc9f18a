package cn.jintan.quality.store;

import cn.jintan.quality.validation.Severity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.util.List;

/**
 * The lists of a period, read from accepted, rejected and superseded submissions: the industry
 * chain, honours, rejections, enterprises more than one unit reports and corrections. Rows of
 * shared enterprises are read through the uscc index ({@link PeriodOverlap}), never the whole period.
 */
@Repository
public class PeriodLists {

    private final JdbcClient jdbc;
    private final Database database;

    PeriodLists(JdbcClient jdbc, Database database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    /** Enterprises, key enterprises, 首席质量官 and standards led (all five levels) of an industry chain. */
    public record IndustryCounts(String industry, long enterprises, long keyEnterprises, long cqoEnterprises, long standards) {
    }

    /** An honoured 质量提升 row: its row number, enterprise and honours. */
    public record HonouredRow(int row, String enterpriseName, boolean boutique, boolean leader, String award) {
    }

    /** An honoured row (submission, honour rank, row number). */
    public record HonouredRef(long submissionId, int rank, int row) {
    }

    public record RejectedFile(long id, String unit, String fileName, int version) {
    }

    /** A unit that reports an enterprise also reported by another unit (the least name it gives). */
    public record SharedReport(String uscc, String enterpriseName, String unit) {
    }

    /** A superseded version and the version that replaced it. */
    public record SupersededFile(String unit, String fileName, int version, int newVersion) {
    }

    /** Per industry chain, from the tallies of the period's accepted submissions (chains with enterprises only). */
    public List<IndustryCounts> industries(String period) {
        return jdbc.sql("SELECT i.industry, SUM(i.enterprises), SUM(i.key_enterprises), SUM(i.cqo_enterprises), SUM(i.standards) "
                        + "FROM submission_industry i JOIN submission s ON s.id = i.submission_id "
                        + "WHERE s.status = ? AND s.period = ? GROUP BY i.industry")
                .params(SubmissionStatus.ACCEPTED.name(), period).query(PeriodLists::industry).list();
    }

    /** Per industry chain, the rows of enterprises another unit, first in code order, also reports. */
    public List<IndustryCounts> industriesNotFirst(PeriodOverlap overlap) {
        return jdbc.sql("SELECT r.industry, " + Tallies.INDUSTRY_AGGREGATES + " " + overlap.sharedRows()
                        + "WHERE r.submission_id IN (" + overlap.ids() + ") AND " + overlap.notFirst() + " GROUP BY r.industry")
                .query(PeriodLists::industry).list();
    }

    private static IndustryCounts industry(ResultSet rs, int n) throws java.sql.SQLException {
        return new IndustryCounts(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
    }

    /**
     * The first {@code limit} rows of one honour rank of a submission, in row order, read through
     * the quality_honours index (submission, rank, row): never every honoured row of the period.
     */
    public List<HonouredRow> honoured(long submissionId, int rank, int limit) {
        return jdbc.sql("SELECT r.row_no, r.enterprise_name, r.jiangsu_boutique, r.standard_leader, r.award "
                        + "FROM quality_row r" + database.useIndex("quality_honours") + " WHERE r.submission_id = ? AND r.honour_rank = ?"
                        + " ORDER BY r.submission_id, r.honour_rank, r.row_no LIMIT " + limit)
                .params(submissionId, rank)
                .query((rs, n) -> new HonouredRow(rs.getInt(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4),
                        rs.getString(5)))
                .list();
    }

    /** How many honoured rows the period's accepted submissions have, from their tallies. */
    public int honouredTallied(String period) {
        return jdbc.sql("SELECT COALESCE(SUM(t.tally_value), 0) FROM submission_tally t "
                        + "JOIN submission s ON s.id = t.submission_id "
                        + "WHERE s.status = ? AND s.period = ? AND t.figure = ?")
                .params(SubmissionStatus.ACCEPTED.name(), period, Tallies.HONOURED_KEY).query(Integer.class).single();
    }

    /** The honoured rows of enterprises another unit, first in code order, also reports. */
    public List<HonouredRef> honouredNotFirst(PeriodOverlap overlap) {
        return jdbc.sql("SELECT r.submission_id, r.honour_rank, r.row_no " + overlap.sharedRows()
                        + "WHERE r.submission_id IN (" + overlap.ids() + ") AND " + Tallies.HONOURED + " AND " + overlap.notFirst())
                .query((rs, n) -> new HonouredRef(rs.getLong(1), rs.getInt(2), rs.getInt(3))).list();
    }

    /** The rejected files of a period, by unit code and version (unknown ones first: H2's order, made explicit for PostgreSQL). */
    public List<RejectedFile> rejected(String period) {
        return jdbc.sql("SELECT s.id, s.unit_code, s.file_name, s.version FROM submission s "
                        + "WHERE s.status = ? AND s.period = ? ORDER BY s.unit_code NULLS FIRST, s.version NULLS FIRST, s.id")
                .params(SubmissionStatus.REJECTED.name(), period)
                .query((rs, n) -> new RejectedFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4))).list();
    }

    /** The rule codes of a submission's errors, each once, in the order first found. */
    public List<String> errorCodes(long submissionId) {
        return jdbc.sql("SELECT code FROM submission_issue WHERE submission_id = ? "
                        + "AND severity = ? GROUP BY code ORDER BY MIN(id)")
                .params(submissionId, Severity.ERROR.name()).query(String.class).list();
    }

    /** Every unit reporting an enterprise another accepted submission of the period also reports, by USCC and unit code. */
    public List<SharedReport> sharedReports(PeriodOverlap overlap) {
        return jdbc.sql("SELECT r.uscc, MIN(r.enterprise_name), s.unit_code " + overlap.sharedRows()
                        + "WHERE r.submission_id IN (" + overlap.ids() + ") AND r.uscc IN (" + overlap.shared() + ") "
                        + "GROUP BY r.uscc, s.unit_code ORDER BY r.uscc, s.unit_code")
                .query((rs, n) -> new SharedReport(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    /** The superseded versions of a period and their replacements, by unit code and version. */
    public List<SupersededFile> superseded(String period) {
        return jdbc.sql("SELECT s.unit_code, s.file_name, s.version, n.version "
                        + "FROM submission s JOIN submission n ON n.id = s.superseded_by "
                        + "WHERE s.status = ? AND s.period = ? ORDER BY s.unit_code NULLS FIRST, s.version NULLS FIRST")
                .params(SubmissionStatus.SUPERSEDED.name(), period)
                .query((rs, n) -> new SupersededFile(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4))).list();
    }
}
