package cn.jintan.quality.workbook;

import java.util.HashMap;
import java.util.Map;

/** Builds rows of text cells for tests of the packages above the reader. */
public final class TestCells {

    private TestCells() {
    }

    public static SheetRow row(int index, Map<Integer, String> texts) {
        Map<Integer, CellValue> cells = new HashMap<>();
        texts.forEach((column, text) -> cells.put(column, CellValue.text(text)));
        return new SheetRow(index, cells);
    }
}
