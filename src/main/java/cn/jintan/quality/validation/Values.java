package cn.jintan.quality.validation;

import cn.jintan.quality.workbook.CellValue;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How staff spellings of numbers, dates and yes/no become values (text is already NFKC-normalised). */
final class Values {

    // 1234, 1,234.50, -3; a grouping comma only where it belongs
    private static final Pattern NUMBER = Pattern.compile("[+-]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?|[+-]?\\.\\d+");
    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Optional<Boolean> YES = Optional.of(true);
    private static final Optional<Boolean> NO = Optional.of(false);
    private static final Map<String, Boolean> YES_NO = Map.ofEntries(
            Map.entry("是", true), Map.entry("否", false),
            Map.entry("有", true), Map.entry("无", false),
            Map.entry("Y", true), Map.entry("N", false),
            Map.entry("YES", true), Map.entry("NO", false),
            Map.entry("TRUE", true), Map.entry("FALSE", false),
            Map.entry("√", true), Map.entry("×", false), Map.entry("✓", true), Map.entry("✔", true),
            Map.entry("✗", false), Map.entry("X", false));
    // Excel serials of 2000-01-01 .. 2099-12-31: a date typed into a cell that lost its date format
    private static final double FIRST_SERIAL = 36526;
    private static final double LAST_SERIAL = 73050;

    private Values() {
    }

    static Optional<BigDecimal> number(CellValue cell) {
        return switch (cell.kind()) {
            case NUMBER -> Optional.of(new BigDecimal(cell.text()));
            case TEXT -> isDigits(cell.text()) || NUMBER.matcher(cell.text()).matches()
                    ? Optional.of(new BigDecimal(cell.text().replace(",", "")))
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** Plain digits (a number typed as text): the common case needs no regex. */
    private static boolean isDigits(String s) {
        if (s.isEmpty() || s.length() > 18) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    static Optional<LocalDate> date(CellValue cell) {
        return switch (cell.kind()) {
            case DATE -> Optional.of(cell.dateTime().toLocalDate());
            case TEXT -> dateText(cell.text());
            case NUMBER -> {
                double v = cell.number();
                if (v == Math.rint(v) && v >= FIRST_SERIAL && v <= LAST_SERIAL) {
                    yield Optional.of(org.apache.poi.ss.usermodel.DateUtil.getLocalDateTime(v).toLocalDate());
                }
                yield dateText(cell.text());
            }
            default -> Optional.empty();
        };
    }

    private static Optional<LocalDate> dateText(String text) {
        Matcher m = DATE.matcher(text);
        if (!m.matches()) {
            m = COMPACT_DATE.matcher(text);
            if (!m.matches()) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    static Optional<Boolean> yesNo(CellValue cell) {
        String text = cell.text();
        // what the template's drop-down lists enter, on nearly every row: no upper-casing, no lookup
        if ("是".equals(text)) {
            return YES;
        }
        if ("否".equals(text)) {
            return NO;
        }
        return Optional.ofNullable(YES_NO.get(text.toUpperCase(Locale.ROOT)));
    }
}
