package cn.jintan.quality.store;

import cn.jintan.quality.domain.Indicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The sums of one accepted submission, taken once: every indicator of the dictionary, the
 * honoured enterprises and the industry-chain table. The briefing adds these up per unit and
 * period instead of scanning a million rows for every figure it shows. A file is tallied while it
 * streams in ({@link Tally}); a submission stored before tallies existed is tallied from its rows
 * in SQL. Both use the dictionary's own measures, so a new indicator is tallied without a change here.
 */
@Component
public class Tallies {

    /**
     * A 质量提升 row that the briefing lists among the honours: 江苏精品, 标准领跑者 or a quality
     * award applied for. H2 computes the rank from the row (V31__honour_rank.sql).
     */
    public static final String HONOURED = "honour_rank IS NOT NULL";

    /** Internal tally key: how many rows are {@link #HONOURED}. */
    public static final String HONOURED_KEY = "honoured";

    /** Enterprises, key enterprises, 首席质量官 and standards led (all five levels), per 所属产业. */
    public static final String INDUSTRY_AGGREGATES = "COUNT(*), COUNT(CASE WHEN key_enterprise THEN 1 END), "
            + "COUNT(CASE WHEN cqo THEN 1 END), "
            + "COALESCE(SUM(std_international + std_national + std_industry + std_local + std_group), 0)";

    private final JdbcClient jdbc;

    Tallies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the tally a file added up while it streamed in, in the caller's transaction. */
    void save(long submissionId, Tally tally) {
        save(submissionId, tally.figures(), tally.industries());
    }

    /**
     * Tallies a stored submission from its rows, in SQL: one pass per sheet, the 质量提升 pass grouped
     * by 所属产业 and added up (every measure only counts and sums). The same figures as {@link Tally}.
     */
    void take(long submissionId) {
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        Map<String, long[]> industries = new TreeMap<>();
        for (Indicator.Source source : Indicator.Source.values()) {
            List<Indicator> indicators = Arrays.stream(Indicator.values()).filter(i -> i.source() == source).toList();
            String select = indicators.stream().map(Indicator::aggregate).collect(Collectors.joining(", "));
            boolean quality = source == Indicator.Source.QUALITY;
            List<String> keys = new ArrayList<>(indicators.stream().map(Indicator::key).toList());
            if (quality) {
                keys.add(HONOURED_KEY);
            }
            keys.forEach(k -> sums.put(k, BigDecimal.ZERO));
            String sql = quality
                    ? "SELECT " + select + ", COUNT(CASE WHEN " + HONOURED + " THEN 1 END), industry, " + INDUSTRY_AGGREGATES
                    + " FROM quality_row WHERE submission_id = ? GROUP BY industry"
                    : "SELECT " + select + " FROM " + source.table() + " WHERE submission_id = ?";
            jdbc.sql(sql).param(submissionId).query((ResultSet rs) -> {
                int column = 1;
                for (String key : keys) {
                    BigDecimal value = rs.getBigDecimal(column++);
                    sums.merge(key, value == null ? BigDecimal.ZERO : value, BigDecimal::add);
                }
                if (quality) {
                    industries.put(rs.getString(column), new long[]{rs.getLong(column + 1), rs.getLong(column + 2),
                            rs.getLong(column + 3), rs.getLong(column + 4)});
                }
            });
        }
        save(submissionId, sums, industries);
    }

    private void save(long submissionId, Map<String, BigDecimal> figures, Map<String, long[]> industries) {
        figures.forEach((key, value) -> jdbc.sql("INSERT INTO submission_tally (submission_id, figure, tally_value) "
                + "VALUES (?, ?, ?)").params(submissionId, key, value).update());
        industries.forEach((industry, n) -> jdbc.sql("INSERT INTO submission_industry (submission_id, industry, "
                        + "enterprises, key_enterprises, cqo_enterprises, standards) VALUES (?, ?, ?, ?, ?, ?)")
                .params(submissionId, industry, n[0], n[1], n[2], n[3]).update());
    }

    /**
     * Tallies accepted and superseded submissions stored before tallies existed (a database from
     * an earlier version); run at start-up after the migrations ({@link MigrationConfiguration}).
     * A file accepted since is tallied in its own transaction, so none is missing after that.
     */
    @Transactional
    public void takeMissing() {
        jdbc.sql("SELECT id FROM submission s WHERE status IN ('ACCEPTED', 'SUPERSEDED') "
                        + "AND NOT EXISTS (SELECT 1 FROM submission_tally t WHERE t.submission_id = s.id) ORDER BY id")
                .query(Long.class).list().forEach(this::take);
    }
}
