package cn.jintan.quality.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class MeasureTest {

    @Test
    void rendersTheSqlAggregateOfItsDefinition() {
        assertThat(Measure.count().sql()).isEqualTo("COUNT(*)");
        assertThat(Measure.count().whenTrue("cqo").sql()).isEqualTo("COUNT(CASE WHEN cqo THEN 1 END)");
        assertThat(Measure.count().whenIn("credit_level", "AA", "AAA").sql())
                .isEqualTo("COUNT(CASE WHEN credit_level IN ('AA', 'AAA') THEN 1 END)");
        assertThat(Measure.sum("amount").whenIn("item", "REFUND").sql())
                .isEqualTo("SUM(CASE WHEN item = 'REFUND' THEN amount END)");
    }

    @Test
    void countsAndSumsRowsThatPassItsCondition() {
        // 融资助企 values in column order: name, uscc, type, registrations, amount, date, remark
        Measure.Counter mortgages = Measure.sum("registrations").whenIn("registration_type", "MORTGAGE")
                .on(SubmissionSheet.FINANCING);
        Measure.Counter amount = Measure.sum("amount").on(SubmissionSheet.FINANCING);
        Object[][] rows = {
                {"甲", "X", "MORTGAGE", 2, new BigDecimal("1200.50"), null, null},
                {"乙", "Y", "EQUITY", 5, new BigDecimal("0.25"), null, null},
                {"丙", "Z", "MORTGAGE", 1, null, null, null}};
        for (Object[] row : rows) {
            mortgages.add(row);
            amount.add(row);
        }
        assertThat(mortgages.total()).isEqualByComparingTo("3");
        assertThat(amount.total()).isEqualByComparingTo("1200.75");
        Measure.Counter key = Measure.count().whenTrue("key_enterprise").on(SubmissionSheet.QUALITY);
        Object[] quality = new Object[SubmissionSheet.QUALITY.columns().size()];
        key.add(quality); // blank: not 是
        quality[SubmissionSheet.QUALITY.indexOf("key_enterprise")] = true;
        key.add(quality);
        assertThat(key.total()).isEqualByComparingTo("1");
    }
}
