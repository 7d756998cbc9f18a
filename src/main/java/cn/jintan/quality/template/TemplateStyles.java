package cn.jintan.quality.template;

import cn.jintan.quality.domain.ColumnType;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/** The few styles of the template: locked labels and headers, unlocked input cells by column type. */
final class TemplateStyles {
    static final int TITLE_POINTS = 16;

    private final Workbook wb;
    final CellStyle title;
    final CellStyle legend;
    final Font redBold;
    final CellStyle bold;
    final CellStyle wrap;
    final CellStyle label;
    final CellStyle header;
    final CellStyle requiredHeader;
    final CellStyle locked;
    final CellStyle lockedBordered;
    final CellStyle coverText;
    final CellStyle coverDate;
    final CellStyle textInput;
    final CellStyle integerInput;
    final CellStyle decimalInput;
    final CellStyle dateInput;

    TemplateStyles(Workbook wb) {
        this.wb = wb;
        short text = wb.createDataFormat().getFormat("@");
        short date = wb.createDataFormat().getFormat("yyyy-mm-dd");
        title = wb.createCellStyle();
        title.setFont(font(TITLE_POINTS, true, IndexedColors.BLACK));
        title.setAlignment(HorizontalAlignment.CENTER);
        title.setVerticalAlignment(VerticalAlignment.CENTER);
        title.setWrapText(true);
        redBold = font(11, true, IndexedColors.RED);
        legend = wb.createCellStyle();
        legend.setFont(font(10, false, IndexedColors.RED));
        bold = wb.createCellStyle();
        bold.setFont(font(11, true, IndexedColors.BLACK));
        wrap = wb.createCellStyle();
        wrap.setWrapText(true);
        wrap.setVerticalAlignment(VerticalAlignment.CENTER);
        wrap.setFont(font(10, false, IndexedColors.GREY_80_PERCENT));
        label = bordered(true);
        label.setFont(font(11, true, IndexedColors.BLACK));
        SubmissionLayout.greyFill(label);
        header = bordered(true);
        header.setFont(font(10, true, IndexedColors.BLACK));
        SubmissionLayout.greyFill(header);
        header.setWrapText(true);
        header.setAlignment(HorizontalAlignment.CENTER);
        requiredHeader = bordered(true);
        requiredHeader.cloneStyleFrom(header);
        requiredHeader.setFont(font(10, true, IndexedColors.DARK_RED));
        locked = wb.createCellStyle();
        lockedBordered = bordered(true);
        SubmissionLayout.greyFill(lockedBordered);
        coverText = bordered(false);
        coverText.setDataFormat(text);
        coverDate = bordered(false);
        coverDate.setDataFormat(date);
        coverDate.setAlignment(HorizontalAlignment.LEFT);
        textInput = input(text);
        integerInput = input(wb.createDataFormat().getFormat("0"));
        decimalInput = input(wb.createDataFormat().getFormat("0.00"));
        dateInput = input(date);
    }

    CellStyle input(ColumnType type) {
        return switch (type) {
            case INTEGER -> integerInput;
            case DECIMAL -> decimalInput;
            case DATE -> dateInput;
            default -> textInput;
        };
    }

    private CellStyle input(short format) {
        CellStyle s = wb.createCellStyle();
        s.setLocked(false);
        s.setDataFormat(format);
        return s;
    }

    private CellStyle bordered(boolean locked) {
        CellStyle s = wb.createCellStyle();
        s.setLocked(locked);
        return SubmissionLayout.bordered(s);
    }

    private Font font(int points, boolean isBold, IndexedColors colour) {
        Font f = wb.createFont();
        f.setFontHeightInPoints((short) points);
        f.setBold(isBold);
        f.setColor(colour.getIndex());
        return f;
    }
}
