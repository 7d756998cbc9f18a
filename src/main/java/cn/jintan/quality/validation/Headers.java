package cn.jintan.quality.validation;

import cn.jintan.quality.domain.Column;
import cn.jintan.quality.domain.SubmissionSheet;
import cn.jintan.quality.workbook.CellValue;
import cn.jintan.quality.workbook.SheetRow;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Finds a table's header row and matches its columns by text, as the spec describes. */
final class Headers {

    private Headers() {
    }

    /**
     * The comparable form of a header: NFKC, no whitespace or line breaks anywhere, no unit in
     * parentheses, no required-field star. {@code 融资金额（万元）} and {@code 融资金额\n(万元)} agree.
     */
    static String normalise(String header) {
        String s = cn.jintan.quality.workbook.Text.normalise(header).replaceAll("\\s+", "");
        s = s.replaceAll("\\([^)]*\\)", "");
        return s.replace("*", "");
    }

    /** Column index → column of the spec, when this row holds every required header of the sheet. */
    static Optional<Map<Integer, Column>> match(SheetRow row, SubmissionSheet sheet) {
        Map<String, Column> byName = new HashMap<>();
        for (Column column : sheet.columns()) {
            column.headerNames().forEach(name -> byName.putIfAbsent(normalise(name), column));
        }
        Map<Integer, Column> matched = new LinkedHashMap<>();
        for (Map.Entry<Integer, CellValue> cell : new java.util.TreeMap<>(row.cells()).entrySet()) {
            Column column = byName.get(normalise(cell.getValue().text()));
            if (column != null && !matched.containsValue(column)) {
                matched.put(cell.getKey(), column);
            }
        }
        boolean complete = sheet.requiredColumns().stream().allMatch(matched::containsValue);
        return complete ? Optional.of(matched) : Optional.empty();
    }

    /** How many required headers a row has: to pick the best candidate when none is complete. */
    static long requiredFound(SheetRow row, SubmissionSheet sheet) {
        return sheet.requiredColumns().stream().filter(c -> has(row, c)).count();
    }

    /** Whether some cell of the row is this column's header (or an alias). */
    static boolean has(SheetRow row, Column column) {
        return row.cells().values().stream().anyMatch(v -> column.headerNames().stream()
                .anyMatch(n -> normalise(n).equals(normalise(v.text()))));
    }
}
