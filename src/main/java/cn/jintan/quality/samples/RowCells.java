package cn.jintan.quality.samples;

import java.util.LinkedHashMap;
import java.util.Map;

/** A sample row's values keyed by {@link cn.jintan.quality.domain.Column#field()}; a value may be null (left blank). */
final class RowCells {

    private RowCells() {
    }

    /** Pairs of field name and value, in column order. */
    static Map<String, Object> of(Object... fieldsAndValues) {
        Map<String, Object> cells = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            cells.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return cells;
    }
}
