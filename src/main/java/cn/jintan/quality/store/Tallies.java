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
import java.util.stream.Collectors;

/**
 * The sums of one accepted submission, taken once: every indicator of the dictionary, the
 * honoured enterprises and the industry-chain table. The briefing adds these up per unit and
 * period instead of scanning a million rows for every figure it shows. A file is tallied while it
 * streams in ({@link Tally}); a figure a stored submission lacks (its indicator was added later) is
 * computed from its rows in SQL at start-up ({@link #takeMissing}).
 * Both use the dictionary's own measures, so a new indicator is tallied without a change here.
 */
@Component
public class Tallies {

    private static final Logger log = LoggerFactory.getLogger(Tallies.class);

    /**
     * A 质量提升 row that the briefing lists among the honours: 江苏精品, 标准领跑者 or a quality
     * award applied for. The database computes the rank from the row (quality_row.honour_rank, V2__baseline.sql).
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
     * Computes {@code figures} (indicator keys or {@link #HONOURED_KEY}) of a stored submission from
     * its rows with each indicator's own measure, in SQL: one pass per sheet that has a figure to
     * compute.
     */
    private void take(long submissionId, Set<String> figures) {
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        for (Indicator.Source source : Indicator.Source.values()) {
            List<String> keys = new ArrayList<>();
            List<String> aggregates = new ArrayList<>();
            for (Indicator indicator : Indicator.values()) {
                if (indicator.source() == source && figures.contains(indicator.key())) {
                    keys.add(indicator.key());
                    aggregates.add(indicator.aggregate());
                }
            }
            if (source == Indicator.Source.QUALITY && figures.contains(HONOURED_KEY)) {
                keys.add(HONOURED_KEY);
                aggregates.add("COUNT(CASE WHEN " + HONOURED + " THEN 1 END)");
            }
            if (keys.isEmpty()) {
                continue;
            }
            jdbc.sql("SELECT " + String.join(", ", aggregates) + " FROM " + source.table() + " WHERE submission_id = ?")
                    .param(submissionId).query((ResultSet rs) -> {
                        int column = 1;
                        for (String key : keys) {
                            BigDecimal value = rs.getBigDecimal(column++);
                            sums.put(key, value == null ? BigDecimal.ZERO : value);
                        }
                    });
        }
        save(submissionId, sums, Map.of());
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
     * Back-fills the figures of an indicator added to the dictionary after submissions were stored:
     * each figure of an accepted or superseded submission with no tally row is computed from its
     * stored rows with the indicator's own measure; figures already tallied are left as they are.
     * Run at start-up after the migrations ({@link MigrationConfiguration}), so adding an indicator
     * needs no migration; on a database where nothing is missing it costs one query.
     *
     * @return how many submissions were back-filled
     */
    @Transactional
    public int takeMissing() {
        Set<String> keys = figureKeys();
        String list = keys.stream().map(k -> "'" + k + "'").collect(Collectors.joining(", "));
        List<Long> incomplete = jdbc.sql("SELECT id FROM submission s WHERE status IN (?, ?) AND "
                        + "(SELECT COUNT(*) FROM submission_tally t WHERE t.submission_id = s.id AND t.figure IN (" + list
                        + ")) < " + keys.size() + " ORDER BY id")
                .params(SubmissionStatus.ACCEPTED.name(), SubmissionStatus.SUPERSEDED.name())
                .query(Long.class).list();
        for (long id : incomplete) {
            Set<String> missing = new LinkedHashSet<>(keys);
            missing.removeAll(jdbc.sql("SELECT figure FROM submission_tally WHERE submission_id = ?")
                    .param(id).query(String.class).list());
            log.info("Tallying submission {} from its stored rows: {}", id, missing);
            take(id, missing);
        }
        return incomplete.size();
    }
}
