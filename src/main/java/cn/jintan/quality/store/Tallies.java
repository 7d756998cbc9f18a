package cn.jintan.quality.store;

import cn.jintan.quality.domain.Indicator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The sums of one accepted submission, taken once: every indicator of the dictionary, the
 * honoured enterprises and the industry-chain table. The briefing adds these up per unit and
 * period instead of scanning a million rows for every figure it shows. A file is tallied while it
 * streams in ({@link Tally}); a figure a stored submission lacks (stored before tallies existed, or
 * before its indicator was added) is computed from its rows in SQL at start-up ({@link #takeMissing}).
 * Both use the dictionary's own measures, so a new indicator is tallied without a change here.
 */
@Component
public class Tallies {

    private static final Logger log = LoggerFactory.getLogger(Tallies.class);

    /**
     * A 质量提升 row that the briefing lists among the honours: 江苏精品, 标准领跑者 or a quality
     * award applied for. H2 computes the rank from the row (V31__honour_rank.sql).
     */
    static final String HONOURED = "honour_rank IS NOT NULL";

    /** Internal tally key: how many rows are {@link #HONOURED}. */
    static final String HONOURED_KEY = "honoured";

    /** Enterprises, key enterprises, 首席质量官 and standards led (all five levels), per 所属产业. */
    static final String INDUSTRY_AGGREGATES = "COUNT(*), COUNT(CASE WHEN key_enterprise THEN 1 END), "
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
     * Tallies a stored submission from its rows, in SQL: every figure and the industry table. The
     * same figures as {@link Tally}.
     */
    void take(long submissionId) {
        take(submissionId, figureKeys(), true);
    }

    /**
     * Computes {@code figures} (indicator keys or {@link #HONOURED_KEY}) of a stored submission from
     * its rows with each indicator's own measure, in SQL: one pass per sheet that has a figure to
     * compute, the 质量提升 pass grouped by 所属产业 when the industry table is wanted too.
     */
    private void take(long submissionId, Set<String> figures, boolean withIndustries) {
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        Map<String, long[]> industries = new TreeMap<>();
        for (Indicator.Source source : Indicator.Source.values()) {
            boolean quality = source == Indicator.Source.QUALITY;
            List<String> keys = new ArrayList<>();
            List<String> aggregates = new ArrayList<>();
            for (Indicator indicator : Indicator.values()) {
                if (indicator.source() == source && figures.contains(indicator.key())) {
                    keys.add(indicator.key());
                    aggregates.add(indicator.aggregate());
                }
            }
            if (quality && figures.contains(HONOURED_KEY)) {
                keys.add(HONOURED_KEY);
                aggregates.add("COUNT(CASE WHEN " + HONOURED + " THEN 1 END)");
            }
            boolean grouped = quality && withIndustries;
            if (keys.isEmpty() && !grouped) {
                continue;
            }
            keys.forEach(k -> sums.put(k, BigDecimal.ZERO));
            String sql = grouped
                    ? "SELECT " + String.join("", aggregates.stream().map(a -> a + ", ").toList()) + "industry, "
                    + INDUSTRY_AGGREGATES + " FROM quality_row WHERE submission_id = ? GROUP BY industry"
                    : "SELECT " + String.join(", ", aggregates) + " FROM " + source.table() + " WHERE submission_id = ?";
            jdbc.sql(sql).param(submissionId).query((ResultSet rs) -> {
                int column = 1;
                for (String key : keys) {
                    BigDecimal value = rs.getBigDecimal(column++);
                    sums.merge(key, value == null ? BigDecimal.ZERO : value, BigDecimal::add);
                }
                if (grouped) {
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
     * Every figure a submission is tallied for: the dictionary's keys and the internal counts. A
     * tally row is stored for each, zeros included, so a missing row means "never computed" (an
     * indicator added after the submission was stored), never "zero".
     */
    static Set<String> figureKeys() {
        Set<String> keys = new LinkedHashSet<>();
        Arrays.stream(Indicator.values()).forEach(i -> keys.add(i.key()));
        keys.add(HONOURED_KEY);
        return keys;
    }

    /**
     * Back-fills what accepted and superseded submissions lack: each figure with no tally row (a
     * database from before tallies existed, or from before an indicator was added to the
     * dictionary) and the industry table of a submission with 质量提升 rows but none stored. Each is
     * computed from the stored rows with the indicator's own measure; figures already tallied are
     * left as they are. Run at start-up after the migrations ({@link MigrationConfiguration}); on a
     * database where nothing is missing it costs one query. A file accepted since is tallied in
     * its own transaction, so nothing is missing after that.
     *
     * @return how many submissions were back-filled
     */
    @Transactional
    public int takeMissing() {
        Set<String> keys = figureKeys();
        String list = keys.stream().map(k -> "'" + k + "'").collect(Collectors.joining(", "));
        List<Long> incomplete = jdbc.sql("SELECT id FROM submission s WHERE status IN ('ACCEPTED', 'SUPERSEDED') AND ("
                        + "(SELECT COUNT(*) FROM submission_tally t WHERE t.submission_id = s.id AND t.figure IN (" + list
                        + ")) < " + keys.size()
                        + " OR (NOT EXISTS (SELECT 1 FROM submission_industry i WHERE i.submission_id = s.id)"
                        + " AND EXISTS (SELECT 1 FROM quality_row q WHERE q.submission_id = s.id))) ORDER BY id")
                .query(Long.class).list();
        for (long id : incomplete) {
            Set<String> missing = new LinkedHashSet<>(keys);
            missing.removeAll(jdbc.sql("SELECT figure FROM submission_tally WHERE submission_id = ?")
                    .param(id).query(String.class).list());
            boolean industries = jdbc.sql("SELECT COUNT(*) FROM submission_industry WHERE submission_id = ?")
                    .param(id).query(Long.class).single() == 0;
            log.info("Tallying submission {} from its stored rows: {}{}", id, missing, industries ? " and its industry table" : "");
            take(id, missing, industries);
        }
        return incomplete.size();
    }
}
