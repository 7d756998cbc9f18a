package cn.jintan.quality.template;

import cn.jintan.quality.messages.Messages;
import org.apache.poi.hssf.usermodel.HSSFSheet;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/** How a template sheet prints and what staff may edit in it. */
final class TemplatePrint {

    private TemplatePrint() {
    }

    /**
     * A4, as wide as one page and as many pages tall as the rows need (the header row repeats on
     * each, see {@link SubmissionTemplate}), page numbers in the footer. Tables landscape: the 17
     * columns of 质量提升 are sized to print at about 90% (wrapped headers, narrow number columns).
     */
    static void print(Sheet sheet, boolean landscape, Messages messages) {
        PrintSetup setup = sheet.getPrintSetup();
        setup.setPaperSize(PrintSetup.A4_PAPERSIZE);
        SubmissionLayout.onePageWide(sheet, landscape);
        sheet.setHorizontallyCenter(true);
        sheet.setMargin(Sheet.LeftMargin, 0.4);
        sheet.setMargin(Sheet.RightMargin, 0.4);
        sheet.setMargin(Sheet.TopMargin, 0.6);
        sheet.setMargin(Sheet.BottomMargin, 0.6);
        setup.setHeaderMargin(0.3);
        setup.setFooterMargin(0.3);
        sheet.getFooter().setCenter(messages.get("template.print.footer", sheet.getSheetName(), "&P", "&N"));
    }

    /**
     * Protection without a password: stops accidental edits of labels and headers, not a lock.
     * An .xls sheet cannot keep rows and formats editable while protected: it is only protected.
     */
    static void protect(Sheet sheet) {
        if (sheet instanceof HSSFSheet hssf) {
            hssf.protectSheet("");
            return;
        }
        XSSFSheet xssf = (XSSFSheet) sheet;
        xssf.enableLocking();
        xssf.lockFormatColumns(false);
        xssf.lockFormatRows(false);
        xssf.lockFormatCells(false);
        xssf.lockInsertRows(false);
        xssf.lockDeleteRows(false);
        xssf.lockSort(false);
        xssf.lockAutoFilter(false);
        xssf.lockSelectLockedCells(false);
        xssf.lockSelectUnlockedCells(false);
    }
}
