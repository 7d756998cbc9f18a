package cn.jintan.quality.template;

import cn.jintan.quality.domain.SubmissionSheet;
import cn.jintan.quality.messages.Messages;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;

/**
 * The submission workbook's layout, shared by the blank template and the sample workbooks: the
 * sheets in {@link SubmissionSheet#requiredSheetNames()} order, one title, thin-bordered cells, grey headers,
 * tables printed one page wide. Each caller keeps its own widths and fonts (the samples imitate how
 * each unit's staff lay the form out); the calls below keep the order POI writes style attributes in.
 */
public final class SubmissionLayout {

    private SubmissionLayout() {
    }

    /** The workbook's title, above the cover: 金坛区质量强区工作月报表. */
    public static String title() {
        return Messages.catalogue().get("template.title");
    }

    /** Thin borders all round, text centred vertically: every cell of the form. */
    public static CellStyle bordered(CellStyle style) {
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        return style;
    }

    /** The light grey of header rows and labels. */
    public static void greyFill(CellStyle style) {
        style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    }

    /** A text cell (a string, never a formula). */
    public static void text(Row row, int column, String value, CellStyle style) {
        var cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    /** Printed as wide as one page and as many pages tall as the rows need. */
    public static void onePageWide(Sheet sheet, boolean landscape) {
        sheet.getPrintSetup().setLandscape(landscape);
        sheet.setAutobreaks(true);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
    }
}
