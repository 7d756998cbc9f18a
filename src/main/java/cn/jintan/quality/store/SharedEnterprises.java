package cn.jintan.quality.store;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;

/**
 * {@code cross.duplicate_enterprise}'s question to the database: which enterprises a newly accepted
 * submission shares with the other units' accepted ones of its period, answered from quality_code
 * by key lookups (V5__quality_code.sql, V7__quality_code_by_code.sql).
 */
@Repository
public class SharedEnterprises {

    private final JdbcClient jdbc;

    SharedEnterprises(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The enterprises (质量提升, by USCC) that submission {@code id} shares with the other units'
     * accepted submissions of its period, in row order then unit code.
     */
    public List<SharedEnterprise> of(long id, String unit, String period) {
        List<long[]> others = jdbc.sql("SELECT id, rows_quality FROM submission WHERE status = ? AND period = ? "
                        + "AND unit_code <> ?")
                .params(SubmissionStatus.ACCEPTED.name(), period, unit)
                .query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)}).list();
        if (others.isEmpty()) {
            return List.of();
        }
        // a file larger than all the others together (a million rows next to small ones) is not
        // read: the others' codes are looked up in its key (submission_id, uscc). Otherwise each of
        // its codes is looked up by code (quality_code_uscc, V7): one lookup per row, whatever the
        // number of units (never a probe of every other submission per code)
        long ownRows = jdbc.sql("SELECT rows_quality FROM submission WHERE id = ?").param(id).query(Long.class).single();
        String otherIds = others.stream().map(o -> String.valueOf(o[0])).collect(java.util.stream.Collectors.joining(", "));
        boolean readOthers = others.stream().mapToLong(o -> o[1]).sum() < ownRows;
        String codes = readOthers
                ? "FROM quality_code oc JOIN quality_code qc ON qc.submission_id = ? AND qc.uscc = oc.uscc "
                + "JOIN submission s ON s.id = oc.submission_id "
                : "FROM quality_code qc JOIN quality_code oc ON oc.uscc = qc.uscc "
                + "JOIN submission s ON s.id = oc.submission_id ";
        // the code-first side names no submission of oc: the only way in is the code (no IN list
        // H2 could turn back into a probe of every submission per code)
        return jdbc.sql("SELECT qc.uscc, q.row_no, q.uscc_cell, o.submission_id, o.row_no, o.uscc_cell, s.unit_code " + codes
                        + "JOIN quality_row q ON q.submission_id = qc.submission_id AND q.row_no = qc.row_no "
                        + "JOIN quality_row o ON o.submission_id = oc.submission_id AND o.row_no = oc.row_no "
                        + (readOthers ? "WHERE oc.submission_id IN (" + otherIds + ") "
                        : "WHERE qc.submission_id = ? AND s.status = ? AND s.period = ? AND s.unit_code <> ? ")
                        + "ORDER BY q.row_no, s.unit_code")
                .params(readOthers ? List.of(id) : List.of(id, SubmissionStatus.ACCEPTED.name(), period, unit))
                .query((rs, n) -> new SharedEnterprise(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getLong(4),
                        rs.getInt(5), rs.getString(6), rs.getString(7)))
                .list();
    }

    /** One enterprise a submission reports at {@code row}/{@code cell} and another unit's accepted one at {@code otherRow}/{@code otherCell}. */
    public record SharedEnterprise(String uscc, int row, String cell, long otherId, int otherRow, String otherCell,
                                   String otherUnit) {
    }
}
