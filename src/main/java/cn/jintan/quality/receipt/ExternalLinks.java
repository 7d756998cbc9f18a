package cn.jintan.quality.receipt;

import org.apache.poi.hssf.record.SupBookRecord;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ooxml.POIXMLDocumentPart;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.model.ExternalLinksTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Links from a workbook to other workbooks and DDE links (which in {@code .xlsx} are external link
 * parts too): an annotated copy we send back must not carry them, or opening it would read other
 * files or start programs on the clerk's computer.
 */
final class ExternalLinks {

    /**
     * {@code [1]Sheet!A1}, {@code '[1]My data'!A1}, {@code [other.xlsx]Data!A1}, {@code [1]!Name}: a
     * workbook in brackets before a sheet's {@code !} (a table's {@code Table1[Column]} has none).
     */
    private static final Pattern EXTERNAL = Pattern.compile("\\[[^\\[\\]]+][^\\[\\]!]*!");

    private ExternalLinks() {
    }

    /** Whether an {@code .xls} refers to another workbook or a DDE source (a SUPBOOK record that is not this file's own). */
    static boolean inXls(HSSFWorkbook wb) {
        for (org.apache.poi.hssf.record.Record r : wb.getInternalWorkbook().getRecords()) {
            if (r instanceof SupBookRecord book && book.isExternalReferences()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Removes every external link part of an {@code .xlsx}: formulas that read one keep their last
     * value, defined names that point to one go.
     */
    static void removeFrom(XSSFWorkbook wb) {
        List<ExternalLinksTable> links = new ArrayList<>(wb.getExternalLinksTable());
        if (links.isEmpty()) {
            return;
        }
        for (Sheet sheet : wb) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.FORMULA && external(cell.getCellFormula())) {
                        cell.removeFormula(); // keeps the cached value
                    }
                }
            }
        }
        for (Name name : new ArrayList<>(wb.getAllNames())) {
            if (external(name.getRefersToFormula())) {
                wb.removeName(name);
            }
        }
        for (ExternalLinksTable link : links) {
            removeRelation(wb, link);
        }
        wb.getExternalLinksTable().clear();
        if (wb.getCTWorkbook().isSetExternalReferences()) {
            wb.getCTWorkbook().unsetExternalReferences();
        }
    }

    private static boolean external(String formula) {
        return formula != null && EXTERNAL.matcher(formula).find();
    }

    /** POI has no public way to drop a part: its own protected removeRelation, which also removes the part. */
    private static void removeRelation(XSSFWorkbook wb, ExternalLinksTable link) {
        try {
            Method remove = POIXMLDocumentPart.class.getDeclaredMethod("removeRelation", POIXMLDocumentPart.class, boolean.class);
            remove.setAccessible(true);
            remove.invoke(wb, link, true);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot remove an external link from the annotated copy", e);
        }
    }
}
