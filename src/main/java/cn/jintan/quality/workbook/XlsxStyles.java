package cn.jintan.quality.workbook;

import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

/** What a number cell needs from the package to be a date: its style's number format and the date system. */
final class XlsxStyles {

    private final StylesTable styles;
    private final boolean date1904;
    /** Per cell style index beyond the array: a date format or not, absent = not decided yet. */
    private final Map<Integer, Boolean> dateStyles = new HashMap<>();
    private final Boolean[] dateStyleCache = new Boolean[256];

    XlsxStyles(XSSFReader reader) throws Exception {
        try (InputStream in = reader.getWorkbookData()) {
            date1904 = readDate1904(in);
        }
        styles = reader.getStylesTable();
    }

    /** The date of serial {@code d} in this workbook's date system. */
    LocalDateTime date(double d) {
        return DateUtil.getLocalDateTime(d, date1904);
    }

    boolean isDateStyle(int styleIndex) {
        if (styleIndex < 0) {
            return false;
        }
        if (styleIndex < dateStyleCache.length) {
            Boolean known = dateStyleCache[styleIndex];
            if (known == null) {
                known = decideDateStyle(styleIndex);
                dateStyleCache[styleIndex] = known;
            }
            return known;
        }
        return dateStyles.computeIfAbsent(styleIndex, this::decideDateStyle);
    }

    /** Once per style index: is its number format a date format ({@link DateUtil#isADateFormat}). */
    private boolean decideDateStyle(int styleIndex) {
        if (styles == null) {
            return false;
        }
        try {
            XSSFCellStyle style = styles.getStyleAt(styleIndex);
            if (style == null) {
                return false;
            }
            String format = style.getDataFormatString();
            return format != null && DateUtil.isADateFormat(style.getDataFormat(), format);
        } catch (RuntimeException e) {
            return false; // a style index beyond the table: formatted as General
        }
    }

    /** {@code workbookPr/@date1904} of {@code xl/workbook.xml}. */
    private static boolean readDate1904(InputStream in) throws XMLStreamException {
        XMLStreamReader xml = XlsxXml.reader(in);
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new XMLStreamException("DOCTYPE is not allowed in a workbook");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    if ("workbookPr".equals(name)) {
                        String v = xml.getAttributeValue(null, "date1904");
                        return v != null && ("1".equals(v.trim()) || "true".equalsIgnoreCase(v.trim()));
                    }
                    if ("sheets".equals(name)) {
                        return false; // workbookPr comes before the sheets
                    }
                }
            }
            return false;
        } finally {
            xml.close();
        }
    }
}
