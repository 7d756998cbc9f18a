package cn.jintan.quality.validation;

import cn.jintan.quality.messages.Messages;

/**
 * The rules of {@code submission-workbook.md}, code and severity. The Chinese text of each is
 * {@code rule.CODE} in the message catalogue, with arguments {0} sheet, {1} cell, {2} row,
 * {3} column header, {4} value as read, then rule-specific ones.
 */
public enum Rule {
    FILE_UNREADABLE("file.unreadable", Severity.ERROR),
    FILE_FORMAT("file.format", Severity.ERROR),
    FILE_ENCRYPTED("file.encrypted", Severity.ERROR),
    FILE_MACRO("file.macro", Severity.ERROR),
    FILE_TOO_LARGE("file.too_large", Severity.ERROR),
    FILE_UNSAFE("file.unsafe", Severity.ERROR),
    SHEET_MISSING("sheet.missing", Severity.ERROR),
    SHEET_UNKNOWN("sheet.unknown", Severity.WARNING),
    HEADER_MISSING("header.missing", Severity.ERROR),
    COVER_MISSING("cover.missing", Severity.ERROR),
    COVER_UNKNOWN_UNIT("cover.unknown_unit", Severity.ERROR),
    COVER_BAD_PERIOD("cover.bad_period", Severity.ERROR),
    COVER_FUTURE_PERIOD("cover.future_period", Severity.ERROR),
    COVER_BAD_PHONE("cover.bad_phone", Severity.WARNING),
    CELL_REQUIRED("cell.required", Severity.ERROR),
    CELL_TYPE("cell.type", Severity.ERROR),
    CELL_RANGE("cell.range", Severity.ERROR),
    CELL_DECIMALS("cell.decimals", Severity.ERROR),
    CELL_ENUM("cell.enum", Severity.ERROR),
    CELL_LENGTH("cell.length", Severity.ERROR),
    CELL_FORMULA("cell.formula", Severity.ERROR),
    USCC_FORMAT("uscc.format", Severity.ERROR),
    USCC_CHECKSUM("uscc.checksum", Severity.ERROR),
    ROW_DUPLICATE("row.duplicate", Severity.ERROR),
    ROW_BLANK("row.blank", Severity.WARNING),
    ROW_NOTE("row.note", Severity.WARNING),
    ITEM_UNKNOWN("item.unknown", Severity.ERROR),
    ITEM_DUPLICATE("item.duplicate", Severity.ERROR),
    DATE_OUT_OF_PERIOD("date.out_of_period", Severity.ERROR),
    TOTAL_MISMATCH("total.mismatch", Severity.ERROR),
    CROSS_DUPLICATE_ENTERPRISE("cross.duplicate_enterprise", Severity.WARNING);

    private final String code;
    private final Severity severity;

    Rule(String code, Severity severity) {
        this.code = code;
        this.severity = severity;
    }

    public String code() {
        return code;
    }

    public Severity severity() {
        return severity;
    }

    public static Rule ofCode(String code) {
        for (Rule rule : values()) {
            if (rule.code.equals(code)) {
                return rule;
            }
        }
        throw new IllegalArgumentException(code);
    }

    String message(Object... args) {
        return Messages.catalogue().get("rule." + code, args);
    }
}
