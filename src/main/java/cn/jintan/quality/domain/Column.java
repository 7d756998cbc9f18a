package cn.jintan.quality.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * One column of a table sheet, as {@code submission-workbook.md} defines it. {@code field} is also
 * the database column that stores it.
 *
 * @param required     the header must be present (and, for data, see {@code cellRequired})
 * @param cellRequired a blank cell is {@code cell.required}; otherwise blank means {@code blankValue}
 */
public record Column(String field, String header, List<String> aliases, ColumnType type,
                     boolean required, boolean cellRequired, BigDecimal min, BigDecimal max, int scale,
                     Class<? extends Vocabulary> vocabulary, Object blankValue) {

    public Column {
        aliases = List.copyOf(aliases);
    }

    static Column text(String field, String header, List<String> aliases, boolean required, int minLength, int maxLength) {
        return new Column(field, header, aliases, ColumnType.TEXT, required, required,
                BigDecimal.valueOf(minLength), BigDecimal.valueOf(maxLength), 0, null, null);
    }

    static Column uscc(String field, String header, List<String> aliases) {
        return new Column(field, header, aliases, ColumnType.USCC, true, true, null, null, 0, null, null);
    }

    static Column choice(String field, String header, Class<? extends Vocabulary> vocabulary, boolean required, Enum<?> blank) {
        return new Column(field, header, List.of(), ColumnType.ENUM, required, required, null, null, 0, vocabulary,
                blank == null ? null : blank.name());
    }

    static Column yesNo(String field, String header) {
        return new Column(field, header, List.of(), ColumnType.YES_NO, false, false, null, null, 0, null, Boolean.FALSE);
    }

    static Column integer(String field, String header, boolean required, long min, long max) {
        return new Column(field, header, List.of(), ColumnType.INTEGER, required, required,
                BigDecimal.valueOf(min), BigDecimal.valueOf(max), 0, null, required ? null : 0);
    }

    static Column decimal(String field, String header, boolean required, long max) {
        return new Column(field, header, List.of(), ColumnType.DECIMAL, required, required,
                BigDecimal.ZERO, BigDecimal.valueOf(max), 2, null, required ? null : BigDecimal.ZERO.setScale(2));
    }

    static Column date(String field, String header, boolean required) {
        return new Column(field, header, List.of(), ColumnType.DATE, required, required, null, null, 0, null, null);
    }

    /** The header text and its aliases, as the spec writes them. */
    public List<String> headerNames() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(header), aliases.stream()).toList();
    }
}
