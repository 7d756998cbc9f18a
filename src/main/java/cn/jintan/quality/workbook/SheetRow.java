package cn.jintan.quality.workbook;

import java.util.Collections;
import java.util.Map;

/**
 * A row of a sheet: its 0-based index and its non-blank cells by 0-based column. It takes the
 * map over (the readers build a new one per row) and hands it out read-only: a copy of every
 * row's map cost about 4 % of reading a million rows.
 */
public record SheetRow(int index, Map<Integer, CellValue> cells) {

    public SheetRow {
        cells = Collections.unmodifiableMap(cells);
    }

    public CellValue cell(int column) {
        return cells.getOrDefault(column, CellValue.BLANK);
    }

    public boolean isBlank() {
        return cells.isEmpty();
    }

    /** The row number as Excel shows it. */
    public int number() {
        return index + 1;
    }
}
