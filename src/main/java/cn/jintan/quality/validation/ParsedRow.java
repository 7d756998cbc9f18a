package cn.jintan.quality.validation;

import cn.jintan.quality.domain.SubmissionSheet;

import java.util.Arrays;

/**
 * A data row that passed its cell rules: {@code values} are aligned with
 * {@link SubmissionSheet#columns()} (String, Boolean, Integer, BigDecimal, LocalDate; enums by name).
 */
public record ParsedRow(SubmissionSheet sheet, int rowNumber, Object[] values) {

    public Object value(String field) {
        return values[sheet.indexOf(field)];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParsedRow p && p.sheet == sheet && p.rowNumber == rowNumber && Arrays.equals(p.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * rowNumber + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return sheet + "#" + rowNumber + Arrays.toString(values);
    }
}
