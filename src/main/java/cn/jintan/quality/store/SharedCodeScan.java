package cn.jintan.quality.store;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * One pass over the codes (quality_code) of a period's accepted submissions in code order, handing
 * on every code two or more of them report with its rows. Memory holds one code's rows at a time,
 * or one probe batch. A submission larger than all the others together (a million-row file next to
 * small ones) is not read: the others' codes are looked up in its key (submission_id, uscc), a
 * batch at a time.
 */
final class SharedCodeScan {

    /** A row of code {@code uscc} in submission {@code submissionId}. */
    record Hit(long submissionId, String uscc, int rowNo) {
    }

    private static final int PROBE_BATCH = 500;

    private final JdbcClient jdbc;
    private final Consumer<List<Hit>> shared;

    private SharedCodeScan(JdbcClient jdbc, Consumer<List<Hit>> shared) {
        this.jdbc = jdbc;
        this.shared = shared;
    }

    /**
     * Hands each code reported by two or more of the submissions {@code rows} (id to 质量提升 rows)
     * to {@code shared}, with all its rows, in code order.
     */
    static void scan(JdbcClient jdbc, Map<Long, Long> rows, Consumer<List<Hit>> shared) {
        if (rows.size() < 2) {
            return;
        }
        Map.Entry<Long, Long> largest = rows.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        long others = rows.values().stream().mapToLong(Long::longValue).sum() - largest.getValue();
        boolean probe = largest.getValue() > others;
        List<Long> read = rows.keySet().stream().filter(id -> !probe || !id.equals(largest.getKey())).toList();
        new SharedCodeScan(jdbc, shared).run(read, probe ? largest.getKey() : null);
    }

    private void run(List<Long> read, Long probed) {
        List<Hit> group = new ArrayList<>();
        Map<String, List<Hit>> batch = new LinkedHashMap<>();
        jdbc.sql("SELECT submission_id, uscc, row_no FROM quality_code WHERE submission_id IN (" + ids(read)
                        + ") ORDER BY uscc")
                .query((java.sql.ResultSet rs) -> {
                    Hit hit = new Hit(rs.getLong(1), rs.getString(2), rs.getInt(3));
                    if (!group.isEmpty() && !group.get(0).uscc().equals(hit.uscc())) {
                        flush(new ArrayList<>(group), batch, probed);
                        group.clear();
                    }
                    group.add(hit);
                });
        if (!group.isEmpty()) {
            flush(group, batch, probed);
        }
        if (!batch.isEmpty()) {
            probe(batch, probed);
        }
    }

    private void flush(List<Hit> group, Map<String, List<Hit>> batch, Long probed) {
        if (probed == null) {
            if (group.size() > 1) {
                shared.accept(group);
            }
            return;
        }
        batch.put(group.get(0).uscc(), group);
        if (batch.size() == PROBE_BATCH) {
            probe(batch, probed);
        }
    }

    /** Adds the probed submission's rows of the batch's codes, then hands on the shared ones. */
    private void probe(Map<String, List<Hit>> batch, long probed) {
        // the codes are stored, validated USCCs, bound as parameters all the same
        jdbc.sql("SELECT uscc, row_no FROM quality_code WHERE submission_id = ? AND uscc IN ("
                        + batch.keySet().stream().map(code -> "?").collect(Collectors.joining(", ")) + ")")
                .params(parameters(probed, batch.keySet()))
                .query((java.sql.ResultSet rs) -> {
                    batch.get(rs.getString(1)).add(new Hit(probed, rs.getString(1), rs.getInt(2)));
                });
        batch.values().stream().filter(hits -> hits.size() > 1).forEach(shared);
        batch.clear();
    }

    private static List<Object> parameters(long probed, java.util.Set<String> codes) {
        List<Object> parameters = new ArrayList<>(codes.size() + 1);
        parameters.add(probed);
        parameters.addAll(codes);
        return parameters;
    }

    /** Numbers (ids, row numbers: never text) as the inside of an SQL {@code IN (…)} list. */
    static String ids(List<? extends Number> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
