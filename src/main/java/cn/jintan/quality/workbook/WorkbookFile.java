package cn.jintan.quality.workbook;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * An opened submission workbook, read sheet by sheet as a stream of rows so that a large sheet
 * never sits whole in memory. Each sheet may be read once.
 */
public interface WorkbookFile extends AutoCloseable {

    /** Sheet names as written in the workbook (not trimmed). */
    List<String> sheetNames();

    /** The sheet whose name equals {@code name} after trimming both. */
    default Optional<String> findSheet(String name) {
        return sheetNames().stream().filter(s -> Text.normalise(s).equals(Text.normalise(name))).findFirst();
    }

    /** The non-empty rows of a sheet in order; blank rows are returned only when the file stores them. */
    Iterator<SheetRow> rows(String sheetName);

    @Override
    void close();
}
