package cn.jintan.quality.workbook;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One cell as the workbook stored it, before any rule: text already NFKC-normalised and trimmed,
 * formulas replaced by the value Excel/WPS cached.
 */
public record CellValue(Kind kind, String text, Double number, LocalDateTime dateTime) {

    public enum Kind {
        BLANK, TEXT, NUMBER, DATE, BOOLEAN,
        /** An error value (#N/A, #REF!...), cached by a formula or typed. */
        ERROR,
        /** A formula whose result was never cached: we never evaluate formulas. */
        FORMULA_NO_VALUE
    }

    public static final CellValue BLANK = new CellValue(Kind.BLANK, "", null, null);

    static CellValue text(String raw) {
        return normalisedText(Text.normalise(raw));
    }

    /** Text already through {@link Text#normalise} (a large shared strings table stores it so, once per string). */
    static CellValue normalisedText(String text) {
        return text.isEmpty() ? BLANK : new CellValue(Kind.TEXT, text, null, null);
    }

    static CellValue number(double value) {
        return new CellValue(Kind.NUMBER, plain(value), value, null);
    }

    static CellValue date(LocalDateTime value) {
        String shown = value.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                ? value.toLocalDate().toString() : value.toString();
        return new CellValue(Kind.DATE, shown, null, value);
    }

    static CellValue bool(boolean value) {
        return new CellValue(Kind.BOOLEAN, value ? "TRUE" : "FALSE", null, null);
    }

    static CellValue error(String shown) {
        return new CellValue(Kind.ERROR, shown, null, null);
    }

    static CellValue formulaWithoutValue(String formula) {
        return new CellValue(Kind.FORMULA_NO_VALUE, "=" + formula, null, null);
    }

    public boolean isBlank() {
        return kind == Kind.BLANK;
    }

    /** Shortest exact decimal of a double as Excel shows it ({@code 12}, not {@code 12.0}). */
    static String plain(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value); // the usual whole number, without a BigDecimal per cell
        }
        BigDecimal d = BigDecimal.valueOf(value).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }
}
