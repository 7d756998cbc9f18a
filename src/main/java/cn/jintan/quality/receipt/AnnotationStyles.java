package cn.jintan.quality.receipt;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Workbook;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The styles the copy adds, created once per workbook (files have a style limit). */
final class AnnotationStyles {
    private final Workbook wb;
    private final Map<String, CellStyle> fills = new HashMap<>();
    final CellStyle plain;
    final CellStyle wrap;
    final CellStyle head;
    final CellStyle errorText;
    final CellStyle warningText;
    final CellStyle link;
    final CellStyle centered;

    AnnotationStyles(Workbook wb) {
        this.wb = wb;
        plain = wb.createCellStyle();
        plain.setQuotePrefixed(true);
        wrap = wb.createCellStyle();
        wrap.setWrapText(true);
        wrap.setQuotePrefixed(true);
        wrap.setVerticalAlignment(org.apache.poi.ss.usermodel.VerticalAlignment.TOP);
        head = wb.createCellStyle();
        Font bold = wb.createFont();
        bold.setBold(true);
        head.setFont(bold);
        head.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        errorText = coloured(IndexedColors.RED);
        warningText = coloured(IndexedColors.ORANGE);
        link = wb.createCellStyle();
        Font blue = wb.createFont();
        blue.setUnderline(Font.U_SINGLE);
        blue.setColor(IndexedColors.BLUE.getIndex());
        link.setFont(blue);
        centered = wb.createCellStyle();
        centered.setAlignment(org.apache.poi.ss.usermodel.HorizontalAlignment.CENTER);
        // the list's rows grow with wrapped messages: keep every cell of a row at its top
        for (CellStyle s : List.of(plain, errorText, warningText, link, centered)) {
            s.setVerticalAlignment(org.apache.poi.ss.usermodel.VerticalAlignment.TOP);
        }
    }

    private CellStyle coloured(IndexedColors colour) {
        CellStyle s = wb.createCellStyle();
        Font f = wb.createFont();
        f.setBold(true);
        f.setColor(colour.getIndex());
        s.setFont(f);
        return s;
    }

    /** The cell's own style (number format, font, borders) with our fill. */
    CellStyle fill(CellStyle original, boolean error) {
        String key = original.getIndex() + (error ? "E" : "W");
        return fills.computeIfAbsent(key, k -> {
            CellStyle s = wb.createCellStyle();
            s.cloneStyleFrom(original);
            s.setFillForegroundColor(error ? IndexedColors.ROSE.getIndex() : IndexedColors.LIGHT_YELLOW.getIndex());
            s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            return s;
        });
    }
}
