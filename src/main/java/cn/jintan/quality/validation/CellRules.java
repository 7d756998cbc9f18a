package cn.jintan.quality.validation;

import cn.jintan.quality.domain.Column;
import cn.jintan.quality.domain.FeeItem;
import cn.jintan.quality.domain.Uscc;
import cn.jintan.quality.domain.Vocabulary;
import cn.jintan.quality.messages.Messages;
import cn.jintan.quality.workbook.CellValue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/** Reads one data cell by its column's type and checks it; a problem becomes an {@link Issue}. */
final class CellRules {

    private static final Messages MESSAGES = Messages.catalogue();

    private CellRules() {
    }

    /**
     * The value to store, or empty when the cell broke a rule (reported to {@code issues}).
     * A blank optional cell gives the column's blank value (0, 否, 无...). {@code enterprise} is
     * the name in the same row (null if none): a wrong code is easier to find by its enterprise.
     */
    static Optional<Object> read(Column column, CellValue cell, String sheet, int rowIndex, int columnIndex,
                                 String enterprise, Consumer<Issue> issues) {
        Reporter report = (rule, extra) -> issues.accept(
                Issue.at(rule, sheet, rowIndex, columnIndex, column.header(), cell.text(), extra));
        if (cell.kind() == CellValue.Kind.ERROR || cell.kind() == CellValue.Kind.FORMULA_NO_VALUE) {
            report.report(Rule.CELL_FORMULA);
            return Optional.empty();
        }
        if (cell.isBlank()) {
            if (column.cellRequired()) {
                report.report(Rule.CELL_REQUIRED);
                return Optional.empty();
            }
            return Optional.ofNullable(column.blankValue());
        }
        return switch (column.type()) {
            case TEXT -> text(column, cell, report);
            case USCC -> uscc(cell, enterprise, report);
            case ENUM -> choice(column, cell, report);
            case YES_NO -> Values.yesNo(cell).<Object>map(b -> b).or(() -> {
                report.report(Rule.CELL_ENUM, "是、否");
                return Optional.empty();
            });
            case INTEGER -> integer(column, cell, report);
            case DECIMAL -> decimal(column, cell, report);
            case DATE -> Values.date(cell).<Object>map(d -> d).or(() -> {
                report.report(Rule.CELL_TYPE, MESSAGES.get("kind.date"));
                return Optional.empty();
            });
        };
    }

    @FunctionalInterface
    private interface Reporter {
        void report(Rule rule, Object... extra);
    }

    private static Optional<Object> text(Column column, CellValue cell, Reporter report) {
        String text = cell.text();
        int length = text.codePointCount(0, text.length());
        if (length < column.min().intValue() || length > column.max().intValue()) {
            report.report(Rule.CELL_LENGTH, column.min().intValue(), column.max().intValue(), length);
            return Optional.empty();
        }
        return Optional.of(text);
    }

    private static Optional<Object> uscc(CellValue cell, String enterprise, Reporter report) {
        String code = withoutWhitespace(cell.text().toUpperCase(Locale.ROOT));
        return switch (Uscc.check(code)) {
            case VALID -> Optional.of(code);
            case BAD_FORMAT -> {
                report.report(Rule.USCC_FORMAT, enterprise(enterprise));
                yield Optional.empty();
            }
            case BAD_CHECKSUM -> {
                report.report(Rule.USCC_CHECKSUM, enterprise(enterprise));
                yield Optional.empty();
            }
        };
    }

    private static String enterprise(String name) {
        return name == null || name.isBlank() ? MESSAGES.get("rule.uscc.enterprise.unnamed")
                : MESSAGES.get("rule.uscc.enterprise", name.strip());
    }

    /** Same as {@code replaceAll("\\s+", "")}, without a regex on every row. */
    static String withoutWhitespace(String s) {
        int i = 0;
        while (i < s.length() && !isSpace(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length()).append(s, 0, i);
        for (; i < s.length(); i++) {
            if (!isSpace(s.charAt(i))) {
                b.append(s.charAt(i));
            }
        }
        return b.toString();
    }

    /** Exactly regex {@code \\s}: space, tab, newline, vertical tab, form feed, carriage return. */
    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Optional<Object> choice(Column column, CellValue cell, Reporter report) {
        Class vocabulary = column.vocabulary();
        Optional<Enum<?>> value = Vocabulary.parse(vocabulary, cell.text());
        if (value.isEmpty()) {
            value = Vocabulary.parse(vocabulary, cell.text().toUpperCase(Locale.ROOT)); // a, aa → A, AA
        }
        if (value.isPresent()) {
            return Optional.of(value.get().name());
        }
        List<String> allowed = Vocabulary.spellings(vocabulary);
        report.report(vocabulary == FeeItem.class ? Rule.ITEM_UNKNOWN : Rule.CELL_ENUM, String.join("、", allowed));
        return Optional.empty();
    }

    private static Optional<Object> integer(Column column, CellValue cell, Reporter report) {
        Optional<BigDecimal> number = Values.number(cell);
        if (number.isEmpty() || number.get().stripTrailingZeros().scale() > 0) {
            report.report(Rule.CELL_TYPE, MESSAGES.get("kind.integer"));
            return Optional.empty();
        }
        BigDecimal n = number.get();
        if (!inRange(column, n, report)) {
            return Optional.empty();
        }
        return Optional.of(n.intValueExact());
    }

    private static Optional<Object> decimal(Column column, CellValue cell, Reporter report) {
        Optional<BigDecimal> number = Values.number(cell);
        if (number.isEmpty()) {
            report.report(Rule.CELL_TYPE, MESSAGES.get("kind.number"));
            return Optional.empty();
        }
        BigDecimal n = number.get();
        if (!inRange(column, n, report)) {
            return Optional.empty();
        }
        if (n.stripTrailingZeros().scale() > column.scale()) {
            report.report(Rule.CELL_DECIMALS, column.scale());
            return Optional.empty();
        }
        return Optional.of(n.setScale(column.scale()));
    }

    private static boolean inRange(Column column, BigDecimal n, Reporter report) {
        if (n.compareTo(column.min()) < 0 || n.compareTo(column.max()) > 0) {
            report.report(Rule.CELL_RANGE, column.min().toPlainString(), column.max().toPlainString());
            return false;
        }
        return true;
    }
}
