package cn.jintan.quality.validation;

import cn.jintan.quality.domain.SubmissionSheet;

import java.util.Arrays;

/**
 * A data row that passed its cell rules: {@code values} are aligned with
 * {@link SubmissionSheet#columns()} (String, Boolean, Integer, BigDecimal, LocalDate; enums by name).
 * {@code columnIndexes} (shared by every row of the sheet) says where each field stood, -1 if absent.
 */
public record ParsedRow(SubmissionSheet sheet, int rowNumber, Object[] values, int[] columnIndexes) {

    public Object value(String field) {
        return values[sheet.indexOf(field)];
    }

    /** The cell reference ({@code C7}) of a field in this row, or null when the column is absent. */
    public String cell(String field) {
        int column = columnIndexes[sheet.indexOf(field)];
        return column < 0 ? null : cn.jintan.quality.workbook.CellAddress.of(rowNumber - 1, column);
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
