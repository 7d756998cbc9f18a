package cn.jintan.quality.workbook;

import java.util.List;

/** A small table, normalised once: a cell is then an array look-up. */
final class InHeapSharedStrings implements SharedStrings {
    private final List<String> raw;
    private final CellValue[] values;

    InHeapSharedStrings(List<String> raw) {
        this.raw = raw;
        this.values = new CellValue[raw.size()];
    }

    @Override
    public CellValue get(int index) {
        if (index < 0 || index >= values.length) {
            throw new IllegalStateException("shared string " + index + " beyond the table (" + values.length + ")");
        }
        CellValue v = values[index];
        if (v == null) {
            v = CellValue.text(raw.get(index));
            values[index] = v;
        }
        return v;
    }

    @Override
    public void close() {
    }
}
