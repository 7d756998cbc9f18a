package cn.jintan.quality.validation;

import cn.jintan.quality.workbook.CellAddress;
import cn.jintan.quality.workbook.Text;

/**
 * One problem found in a submission: where it is (sheet, cell, 1-based row, header), the value as
 * read, and what the staff member should change.
 */
public record Issue(Severity severity, String code, String sheet, String cell, Integer row, String column,
                    String value, String message) {

    /** Widths of {@code submission_issue}'s columns: a workbook controls these texts (a sheet's name, a value). */
    static final int SHEET = 100;
    static final int CELL = 16;
    static final int COLUMN = 100;
    static final int VALUE = 1000;
    static final int MESSAGE = 2000;

    public Issue {
        sheet = Text.fit(sheet, SHEET);
        cell = Text.fit(cell, CELL);
        column = Text.fit(column, COLUMN);
        value = Text.fit(value, VALUE);
        message = Text.fit(message, MESSAGE);
    }

    /** A problem of the whole file or sheet (no cell). */
    static Issue of(Rule rule, String sheet, String column, String value, Object... extra) {
        return build(rule, sheet, null, null, column, value, extra);
    }

    /**
     * A problem of rows without one cell to point at ({@code row.blank}): no value either, the
     * message names the rows; {@code firstRow} is 1-based.
     */
    static Issue rows(Rule rule, String sheet, int firstRow, Object... extra) {
        return build(rule, sheet, null, firstRow, null, null, extra);
    }

    /** A problem at a cell; {@code rowIndex} and {@code columnIndex} are 0-based. */
    static Issue at(Rule rule, String sheet, int rowIndex, int columnIndex, String column, String value, Object... extra) {
        return build(rule, sheet, CellAddress.of(rowIndex, columnIndex), rowIndex + 1, column, value, extra);
    }

    private static Issue build(Rule rule, String sheet, String cell, Integer row, String column, String value, Object[] extra) {
        Object[] args = new Object[5 + extra.length];
        args[0] = sheet;
        args[1] = cell;
        args[2] = row;
        args[3] = column;
        args[4] = value;
        System.arraycopy(extra, 0, args, 5, extra.length);
        return new Issue(rule.severity(), rule.code(), sheet, cell, row, column, value, rule.message(args));
    }

    /**
     * {@code cross.duplicate_enterprise}, found when storing: another unit reports the same
     * enterprise for the period. {@code cell} is where the code stands in this workbook.
     */
    public static Issue crossDuplicateEnterprise(String cell, int row, String uscc, String otherUnit) {
        Rule rule = Rule.CROSS_DUPLICATE_ENTERPRISE;
        String sheet = cn.jintan.quality.domain.SubmissionSheet.QUALITY.sheetName();
        String column = cn.jintan.quality.domain.SubmissionSheet.QUALITY.column("uscc").orElseThrow().header();
        Object[] args = {sheet, cell, row, column, uscc, otherUnit};
        // rows stored before V4 have no cell: say the row only
        String message = cell != null ? rule.message(args)
                : cn.jintan.quality.messages.Messages.catalogue().get("rule.cross.duplicate_enterprise.row", args);
        return new Issue(rule.severity(), rule.code(), sheet, cell, row, column, uscc, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
