package cn.jintan.quality.workbook;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.ExcelNumberFormat;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** A workbook read through POI's interfaces: HSSF for .xls (.xlsx goes through {@link XlsxWorkbookFile}). */
final class PoiWorkbookFile implements WorkbookFile {

    private final Workbook workbook;
    // format index and string → is it a date format; one workbook has a handful of formats
    private final Map<String, Boolean> dateFormats = new HashMap<>();

    PoiWorkbookFile(Workbook workbook) {
        this.workbook = workbook;
    }

    @Override
    public List<String> sheetNames() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            names.add(workbook.getSheetName(i));
        }
        return names;
    }

    @Override
    public Iterator<SheetRow> rows(String sheetName) {
        Sheet sheet = workbook.getSheet(sheetName);
        if (sheet == null) {
            throw new IllegalArgumentException("no sheet " + sheetName);
        }
        Iterator<Row> rows = sheet.rowIterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public SheetRow next() {
                Row row = rows.next();
                Map<Integer, CellValue> cells = new HashMap<>();
                for (Cell cell : row) {
                    CellValue value = read(cell, dateFormats);
                    if (!value.isBlank()) {
                        cells.put(cell.getColumnIndex(), value);
                    }
                }
                return new SheetRow(row.getRowNum(), cells);
            }
        };
    }

    /** The value as stored; formulas give their cached value and are never evaluated. */
    /**
     * {@link DateUtil#isCellDateFormatted(Cell)}, remembering per format whether it is a date one:
     * POI parses the format string on every numeric cell, a large part of reading a big sheet.
     */
    private static boolean isDateFormatted(Cell cell, Map<String, Boolean> dateFormats) {
        if (!DateUtil.isValidExcelDate(cell.getNumericCellValue())) {
            return false;
        }
        ExcelNumberFormat format = ExcelNumberFormat.from(cell, null);
        if (format == null) {
            return false;
        }
        return dateFormats.computeIfAbsent(format.getIdx() + ":" + format.getFormat(),
                k -> DateUtil.isADateFormat(format));
    }

    static CellValue read(Cell cell, Map<String, Boolean> dateFormats) {
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            try {
                type = cell.getCachedFormulaResultType();
            } catch (RuntimeException e) {
                return CellValue.formulaWithoutValue(formula(cell));
            }
            if (type == CellType.BLANK || type == CellType._NONE
                    || (type == CellType.STRING && cell.getStringCellValue().isEmpty())) {
                return CellValue.formulaWithoutValue(formula(cell));
            }
        }
        try {
            return switch (type) {
                case STRING -> CellValue.text(cell.getStringCellValue());
                case NUMERIC -> isDateFormatted(cell, dateFormats)
                        ? CellValue.date(cell.getLocalDateTimeCellValue())
                        : CellValue.number(cell.getNumericCellValue());
                case BOOLEAN -> CellValue.bool(cell.getBooleanCellValue());
                case ERROR -> CellValue.error(errorText(cell));
                default -> CellValue.BLANK;
            };
        } catch (RuntimeException e) {
            // a cell POI cannot decode: treat as an uncached formula, never as 0
            return CellValue.formulaWithoutValue(formula(cell));
        }
    }

    private static String errorText(Cell cell) {
        try {
            return FormulaError.forInt(cell.getErrorCellValue()).getString();
        } catch (IllegalArgumentException e) {
            return "#ERROR";
        }
    }

    private static String formula(Cell cell) {
        try {
            return cell.getCellFormula();
        } catch (RuntimeException e) {
            return "";
        }
    }

    @Override
    public void close() {
        try {
            workbook.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
