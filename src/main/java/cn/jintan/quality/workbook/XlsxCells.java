package cn.jintan.quality.workbook;

import org.apache.poi.ss.usermodel.DateUtil;

import java.time.LocalDateTime;

/** A cell's {@code <c>} parts decoded into a {@link CellValue}, as {@link PoiWorkbookFile#read} gives it. */
final class XlsxCells {

    private final SharedStrings strings;
    private final XlsxStyles styles;

    XlsxCells(SharedStrings strings, XlsxStyles styles) {
        this.strings = strings;
        this.styles = styles;
    }

    /** One cell from its type, style, {@code <v>}, {@code <f>} and inline text, as {@link PoiWorkbookFile#read} gives it. */
    CellValue value(String type, int style, String v, String formula, String inline) {
        boolean isFormula = formula != null;
        if (type == null) {
            type = "n";
        }
        if (isFormula && (v == null || v.isEmpty()) && !"inlineStr".equals(type)) {
            return CellValue.formulaWithoutValue(formula); // never evaluated
        }
        switch (type) {
            case "s" -> {
                if (v == null || v.isBlank()) {
                    return CellValue.BLANK;
                }
                return strings.get(Integer.parseInt(v.trim()));
            }
            case "inlineStr" -> {
                String t = inline != null ? inline : v;
                if (isFormula && (t == null || t.isEmpty())) {
                    return CellValue.formulaWithoutValue(formula);
                }
                return CellValue.text(t);
            }
            case "str" -> {
                return CellValue.text(v);
            }
            case "b" -> {
                if (v == null || v.isEmpty()) {
                    return CellValue.BLANK;
                }
                String b = v.trim();
                return CellValue.bool("1".equals(b) || "true".equalsIgnoreCase(b));
            }
            case "e" -> {
                if (v == null) {
                    return CellValue.BLANK;
                }
                int hash = v.indexOf('#');
                return CellValue.error(hash < 0 ? "#ERROR" : v.substring(hash).strip());
            }
            case "d" -> {
                if (v == null || v.isBlank()) {
                    return CellValue.BLANK;
                }
                try {
                    return CellValue.date(LocalDateTime.parse(v.trim().length() == 10 ? v.trim() + "T00:00" : v.trim()));
                } catch (RuntimeException e) {
                    return CellValue.text(v);
                }
            }
            default -> {
                if (v == null || v.isEmpty()) {
                    return CellValue.BLANK;
                }
                double d;
                try {
                    d = Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    return isFormula ? CellValue.formulaWithoutValue(formula) : CellValue.text(v);
                }
                if (DateUtil.isValidExcelDate(d) && styles.isDateStyle(style)) {
                    return CellValue.date(styles.date(d));
                }
                return CellValue.number(d);
            }
        }
    }

    /** 0-based column of a cell reference such as {@code AB12}. */
    static int column(String ref) {
        int column = 0;
        for (int i = 0; i < ref.length(); i++) {
            char c = ref.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                column = column * 26 + (c - 'A' + 1);
            } else if (c >= 'a' && c <= 'z') {
                column = column * 26 + (c - 'a' + 1);
            } else {
                break;
            }
        }
        return column - 1;
    }
}
