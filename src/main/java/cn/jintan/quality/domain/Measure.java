package cn.jintan.quality.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How an indicator adds up the rows of its sheet: a count or the sum of a field, over the rows
 * that pass an optional condition (a yes/no field is 是, or a field is one of some values). One
 * definition, two renderings: {@link #sql()} for rows already stored, {@link #on(SubmissionSheet)}
 * for rows while a file streams in. Both only count and sum, so figures add up across rows,
 * submissions and units.
 */
public record Measure(String summed, String conditionField, List<String> conditionValues) {

    public Measure {
        conditionValues = conditionValues == null ? null : List.copyOf(conditionValues);
    }

    static Measure count() {
        return new Measure(null, null, null);
    }

    static Measure sum(String field) {
        return new Measure(field, null, null);
    }

    /** Only rows whose yes/no field is 是. */
    Measure whenTrue(String field) {
        return new Measure(summed, field, null);
    }

    /** Only rows whose field (an enumerated value, by constant name) is one of {@code values}. */
    Measure whenIn(String field, String... values) {
        return new Measure(summed, field, List.of(values));
    }

    /** The SQL aggregate over the sheet's table; NULL (no rows) means zero. */
    String sql() {
        String condition = conditionField == null ? null
                : conditionValues == null ? conditionField
                : conditionValues.size() == 1 ? conditionField + " = '" + conditionValues.get(0) + "'"
                : conditionField + " IN (" + conditionValues.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", ")) + ")";
        if (summed == null) {
            return condition == null ? "COUNT(*)" : "COUNT(CASE WHEN " + condition + " THEN 1 END)";
        }
        return condition == null ? "SUM(" + summed + ")" : "SUM(CASE WHEN " + condition + " THEN " + summed + " END)";
    }

    /** This measure over rows of {@code sheet} given as values aligned with its columns. */
    public Counter on(SubmissionSheet sheet) {
        return new Counter(summed == null ? -1 : sheet.indexOf(summed),
                conditionField == null ? -1 : sheet.indexOf(conditionField), conditionValues);
    }

    /** Adds rows up one by one: whole numbers in a long, amounts in a BigDecimal. */
    public static final class Counter {
        private final int summed;
        private final int condition;
        private final List<String> values;
        private long whole;
        private BigDecimal amount = BigDecimal.ZERO;

        private Counter(int summed, int condition, List<String> values) {
            this.summed = summed;
            this.condition = condition;
            this.values = values;
        }

        public void add(Object[] row) {
            if (condition >= 0 && !(values == null ? Boolean.TRUE.equals(row[condition]) : values.contains(row[condition]))) {
                return;
            }
            if (summed < 0) {
                whole++;
            } else if (row[summed] instanceof BigDecimal d) {
                amount = amount.add(d);
            } else if (row[summed] instanceof Number n) {
                whole += n.longValue();
            }
        }

        public BigDecimal total() {
            return amount.add(BigDecimal.valueOf(whole));
        }
    }
}
