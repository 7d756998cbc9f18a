package cn.jintan.quality.store;

import cn.jintan.quality.domain.Indicator;
import cn.jintan.quality.domain.Measure;
import cn.jintan.quality.domain.SubmissionSheet;
import cn.jintan.quality.validation.ParsedRow;
import cn.jintan.quality.validation.RowSink;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sums of one file, added up row by row while it streams into the database, so a million
 * rows need no second pass: every indicator's {@link Measure}, the honoured enterprises and the
 * industry-chain table. {@link Tallies#take} computes the same from stored rows in SQL.
 */
final class Tally implements RowSink {

    private final Map<SubmissionSheet, List<Map.Entry<String, Measure.Counter>>> counters = new EnumMap<>(SubmissionSheet.class);
    private final Map<String, long[]> industries = new TreeMap<>();
    private final int industry = SubmissionSheet.QUALITY.indexOf("industry");
    private final int key = SubmissionSheet.QUALITY.indexOf("key_enterprise");
    private final int cqo = SubmissionSheet.QUALITY.indexOf("cqo");
    private final int[] standards = {SubmissionSheet.QUALITY.indexOf("std_international"),
            SubmissionSheet.QUALITY.indexOf("std_national"), SubmissionSheet.QUALITY.indexOf("std_industry"),
            SubmissionSheet.QUALITY.indexOf("std_local"), SubmissionSheet.QUALITY.indexOf("std_group")};
    private final int boutique = SubmissionSheet.QUALITY.indexOf("jiangsu_boutique");
    private final int leader = SubmissionSheet.QUALITY.indexOf("standard_leader");
    private final int award = SubmissionSheet.QUALITY.indexOf("award");
    private long honoured;

    Tally() {
        for (Indicator indicator : Indicator.values()) {
            SubmissionSheet sheet = SubmissionSheet.valueOf(indicator.source().name());
            counters.computeIfAbsent(sheet, s -> new ArrayList<>())
                    .add(Map.entry(indicator.key(), indicator.measure().on(sheet)));
        }
    }

    @Override
    public void accept(ParsedRow row) {
        Object[] values = row.values();
        for (Map.Entry<String, Measure.Counter> counter : counters.getOrDefault(row.sheet(), List.of())) {
            counter.getValue().add(values);
        }
        if (row.sheet() == SubmissionSheet.QUALITY) {
            long[] n = industries.computeIfAbsent((String) values[industry], k -> new long[4]);
            n[0]++;
            n[1] += Boolean.TRUE.equals(values[key]) ? 1 : 0;
            n[2] += Boolean.TRUE.equals(values[cqo]) ? 1 : 0;
            for (int standard : standards) {
                n[3] += values[standard] instanceof Number number ? number.longValue() : 0;
            }
            // the rule of quality_row.honour_rank (V2__baseline.sql): 江苏精品, 标准领跑者 or an award
            if (Boolean.TRUE.equals(values[boutique]) || Boolean.TRUE.equals(values[leader]) || !"NONE".equals(values[award])) {
                honoured++;
            }
        }
    }

    /** Every indicator key and {@link Tallies#HONOURED_KEY}, with its sum. */
    Map<String, BigDecimal> figures() {
        Map<String, BigDecimal> figures = new LinkedHashMap<>();
        counters.values().forEach(list -> list.forEach(c -> figures.put(c.getKey(), c.getValue().total())));
        figures.put(Tallies.HONOURED_KEY, BigDecimal.valueOf(honoured));
        return figures;
    }

    /** Per 所属产业: enterprises, key enterprises, 首席质量官, standards led. */
    Map<String, long[]> industries() {
        return industries;
    }
}
