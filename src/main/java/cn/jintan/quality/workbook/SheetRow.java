package cn.jintan.quality.workbook;

import java.util.Map;

/** A row of a sheet: its 0-based index and its non-blank cells by 0-based column. */
public record SheetRow(int index, Map<Integer, CellValue> cells) {

    public SheetRow {
        cells = Map.copyOf(cells);
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
