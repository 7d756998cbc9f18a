package cn.jintan.quality.samples;

import cn.jintan.quality.template.SubmissionLayout;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/** Cell styles are workbook-wide objects (and .xls allows only ~4000): create each once. */
final class SampleStyles {
    final CellStyle title;
    final CellStyle note;
    final CellStyle label;
    final CellStyle header;
    final CellStyle text;
    final CellStyle centered;
    final CellStyle integer;
    final CellStyle money;
    final CellStyle date;
    final CellStyle dateChinese;
    final CellStyle monthChinese;
    final CellStyle totalLabel;
    final CellStyle integerTotal;
    final CellStyle moneyTotal;

    SampleStyles(Workbook wb) {
        Font titleFont = wb.createFont();
        titleFont.setFontName("宋体");
        titleFont.setFontHeightInPoints((short) 16);
        titleFont.setBold(true);
        Font bold = wb.createFont();
        bold.setFontName("宋体");
        bold.setFontHeightInPoints((short) 11);
        bold.setBold(true);
        Font plain = wb.createFont();
        plain.setFontName("宋体");
        plain.setFontHeightInPoints((short) 11);
        Font small = wb.createFont();
        small.setFontName("宋体");
        small.setFontHeightInPoints((short) 9);

        title = wb.createCellStyle();
        title.setFont(titleFont);
        title.setAlignment(HorizontalAlignment.CENTER);
        title.setVerticalAlignment(VerticalAlignment.CENTER);
        note = wb.createCellStyle();
        note.setFont(small);
        label = wb.createCellStyle();
        label.setFont(bold);
        header = bordered(wb, bold);
        header.setAlignment(HorizontalAlignment.CENTER);
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        header.setWrapText(true);
        SubmissionLayout.greyFill(header);
        text = bordered(wb, plain);
        centered = bordered(wb, plain);
        centered.setAlignment(HorizontalAlignment.CENTER);
        short fmtInt = wb.createDataFormat().getFormat("0");
        short fmtMoney = wb.createDataFormat().getFormat("#,##0.00");
        integer = bordered(wb, plain);
        integer.setDataFormat(fmtInt);
        integer.setAlignment(HorizontalAlignment.CENTER);
        money = bordered(wb, plain);
        money.setDataFormat(fmtMoney);
        date = bordered(wb, plain);
        date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
        date.setAlignment(HorizontalAlignment.CENTER);
        dateChinese = wb.createCellStyle();
        dateChinese.setFont(plain);
        dateChinese.setAlignment(HorizontalAlignment.LEFT);
        dateChinese.setDataFormat(wb.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
        monthChinese = wb.createCellStyle();
        monthChinese.setFont(plain);
        monthChinese.setAlignment(HorizontalAlignment.LEFT);
        monthChinese.setDataFormat(wb.createDataFormat().getFormat("yyyy\"年\"m\"月\""));
        totalLabel = bordered(wb, bold);
        totalLabel.setAlignment(HorizontalAlignment.CENTER);
        integerTotal = bordered(wb, bold);
        integerTotal.setDataFormat(fmtInt);
        integerTotal.setAlignment(HorizontalAlignment.CENTER);
        moneyTotal = bordered(wb, bold);
        moneyTotal.setDataFormat(fmtMoney);
    }

    private static CellStyle bordered(Workbook wb, Font font) {
        CellStyle s = wb.createCellStyle();
        s.setFont(font);
        return SubmissionLayout.bordered(s);
    }
}
