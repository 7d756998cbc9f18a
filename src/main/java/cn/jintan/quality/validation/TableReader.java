package cn.jintan.quality.validation;

import cn.jintan.quality.domain.Column;
import cn.jintan.quality.domain.ColumnType;
import cn.jintan.quality.domain.Period;
import cn.jintan.quality.domain.SubmissionSheet;
import cn.jintan.quality.messages.Messages;
import cn.jintan.quality.workbook.CellValue;
import cn.jintan.quality.workbook.SheetRow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads one table sheet: finds the header in the first 10 rows, then checks each data row to the
 * end of the sheet or a 合计/总计 row. Blank rows are skipped (one {@code row.blank} per sheet, the
 * rows after them read like any other), note rows are {@code row.note}. Valid rows go to the
 * {@link RowSink} as they are read.
 */
final class TableReader {

    private static final int HEADER_ROWS = 10;
    private static final Set<String> TOTAL_LABELS = Set.of("合计", "总计");

    private final SubmissionSheet sheet;
    private final Optional<Period> period;
    private final Consumer<Issue> issues;
    private final RowSink sink;
    // per-sheet uniqueness: key → first row number (USCC in 质量提升, item in 减费让利)
    private final FirstRowIndex firstRowOfKey = new FirstRowIndex();
    private int[] columnIndexes;
    // the header's cells in its order, resolved once (this runs on every data row): the sheet
    // column of each, its spec, and its place in a row's values
    private int[] cellColumns;
    private Column[] cellSpecs;
    private int[] cellSlots;
    private int enterpriseColumn;
    // running sums of the numeric columns, to check a 合计 row against (null once a row was invalid)
    private BigDecimal[] sums;

    TableReader(SubmissionSheet sheet, Optional<Period> period, Consumer<Issue> issues, RowSink sink) {
        this.sheet = sheet;
        this.period = period;
        this.issues = issues;
        this.sink = sink;
    }

    /** Returns the number of data rows read (valid or not). */
    int read(Iterator<SheetRow> rows) {
        Map<Integer, Column> header = null;
        SheetRow best = null;
        SheetRow headerRow = null;
        while (header == null && rows.hasNext()) {
            SheetRow row = rows.next();
            if (row.index() >= HEADER_ROWS) {
                break;
            }
            Optional<Map<Integer, Column>> match = Headers.match(row, sheet);
            if (match.isPresent()) {
                header = match.get();
                headerRow = row;
            } else if (best == null || Headers.requiredFound(row, sheet) > Headers.requiredFound(best, sheet)) {
                best = row;
            }
        }
        if (header == null) {
            reportMissingHeaders(best);
            return 0;
        }
        columnIndexes = new int[sheet.columns().size()];
        java.util.Arrays.fill(columnIndexes, -1);
        header.forEach((column, spec) -> columnIndexes[sheet.indexOf(spec.field())] = column);
        resolve(header);
        sums = new BigDecimal[sheet.columns().size()];
        java.util.Arrays.fill(sums, BigDecimal.ZERO);
        int width = 0;
        for (Integer column : header.keySet()) {
            width = Math.max(width, column + 1);
        }
        boolean[] dataColumn = new boolean[width];
        boolean[] requiredColumn = new boolean[width];
        header.forEach((column, spec) -> {
            dataColumn[column] = true;
            requiredColumn[column] = spec.cellRequired();
        });
        BlankRows blanks = new BlankRows();
        int count = 0;
        int expected = headerRow.index() + 1;
        while (rows.hasNext()) {
            SheetRow row = rows.next();
            if (row.index() > expected) {
                blanks.add(expected, row.index() - 1); // rows the file does not store are blank
            }
            expected = Math.max(expected, row.index() + 1);
            // one loop over the cells, no stream or regex: this runs on every data row
            boolean filled = false;
            int firstText = Integer.MAX_VALUE;
            String text = null;
            for (Map.Entry<Integer, CellValue> e : row.cells().entrySet()) {
                int column = e.getKey();
                if (column < width && dataColumn[column]) {
                    filled = true;
                }
                // the first text cell (a number before it is a 序号 some staff keep counting)
                if (column < firstText && e.getValue().kind() == CellValue.Kind.TEXT) {
                    firstText = column;
                    text = e.getValue().text();
                }
            }
            if (text != null && TOTAL_LABELS.contains(CellRules.withoutWhitespace(text))) {
                checkTotals(row, header);
                break;
            }
            if (text != null && NoteRows.startsLikeANote(text) && NoteRows.isNote(row, firstText, requiredColumn)) {
                Column column = header.get(firstText);
                issues.accept(Issue.at(Rule.ROW_NOTE, sheet.sheetName(), row.index(), firstText,
                        column == null ? null : column.header(), text));
                continue;
            }
            if (!filled) {
                blanks.add(row.index(), row.index()); // a 序号 alone is no data either
                continue;
            }
            blanks.dataFollows();
            count++;
            readRow(row, header);
        }
        if (blanks.any()) {
            issues.accept(Issue.rows(Rule.ROW_BLANK, sheet.sheetName(), blanks.firstRowNumber(),
                    blanks.listed(Messages.catalogue()), blanks.count()));
        }
        return count;
    }

    private void reportMissingHeaders(SheetRow best) {
        for (Column column : sheet.requiredColumns()) {
            if (best == null || !Headers.has(best, column)) {
                issues.accept(Issue.of(Rule.HEADER_MISSING, sheet.sheetName(), column.header(), ""));
            }
        }
    }

    private void resolve(Map<Integer, Column> header) {
        cellColumns = new int[header.size()];
        cellSpecs = new Column[header.size()];
        cellSlots = new int[header.size()];
        int k = 0;
        for (Map.Entry<Integer, Column> entry : header.entrySet()) {
            cellColumns[k] = entry.getKey();
            cellSpecs[k] = entry.getValue();
            cellSlots[k] = sheet.indexOf(entry.getValue().field());
            k++;
        }
        enterpriseColumn = sheet.column("enterprise_name").map(c -> columnIndexes[sheet.indexOf(c.field())]).orElse(-1);
    }

    private void readRow(SheetRow row, Map<Integer, Column> header) {
        Object[] values = new Object[sheet.columns().size()];
        boolean valid = true;
        for (int i = 0; i < values.length; i++) {
            values[i] = sheet.columns().get(i).blankValue(); // a column the workbook lacks
        }
        // the row's enterprise name as written, or null (减费让利 has none)
        String enterprise = enterpriseColumn < 0 ? null : row.cell(enterpriseColumn).text();
        for (int k = 0; k < cellColumns.length; k++) {
            int columnIndex = cellColumns[k];
            Column column = cellSpecs[k];
            CellValue cell = row.cell(columnIndex);
            Optional<Object> value = CellRules.read(column, cell, sheet.sheetName(), row.index(), columnIndex,
                    enterprise, issues);
            if (value.isEmpty() && (column.cellRequired() || !cell.isBlank())) {
                valid = false;
            }
            values[cellSlots[k]] = value.orElse(null);
        }
        if (valid && sums != null) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] instanceof Number n) {
                    sums[i] = sums[i].add(exact(n));
                }
            }
        } else {
            sums = null; // an invalid row: its total cannot be checked, and the file is rejected anyway
        }
        if (valid && checkRow(row, header, values)) {
            sink.accept(new ParsedRow(sheet, row.number(), values, columnIndexes));
        }
    }

    /** A cell's number as a BigDecimal: integers without a detour through their text. */
    private static BigDecimal exact(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        return n instanceof Integer || n instanceof Long ? BigDecimal.valueOf(n.longValue()) : new BigDecimal(n.toString());
    }

    /** A 合计 row must equal the sum of the rows above it, column by numeric column. */
    private void checkTotals(SheetRow row, Map<Integer, Column> header) {
        if (sums == null) {
            return;
        }
        for (Map.Entry<Integer, Column> entry : header.entrySet()) {
            Column column = entry.getValue();
            if (column.type() != ColumnType.INTEGER && column.type() != ColumnType.DECIMAL) {
                continue;
            }
            CellValue cell = row.cell(entry.getKey());
            Optional<BigDecimal> total = Values.number(cell);
            BigDecimal sum = sums[sheet.indexOf(column.field())];
            // a cached SUM() of binary doubles may carry noise below the column's decimals
            if (total.isPresent() && total.get().setScale(column.scale(), java.math.RoundingMode.HALF_UP).compareTo(sum) != 0) {
                issues.accept(Issue.at(Rule.TOTAL_MISMATCH, sheet.sheetName(), row.index(), entry.getKey(),
                        column.header(), cell.text(), sum.toPlainString()));
            }
        }
    }

    /** Rules across the cells of a row and between rows of the sheet. */
    private boolean checkRow(SheetRow row, Map<Integer, Column> header, Object[] values) {
        return switch (sheet) {
            case QUALITY -> unique("uscc", Rule.ROW_DUPLICATE, row, header, values);
            case FEES -> unique("item", Rule.ITEM_DUPLICATE, row, header, values);
            case FINANCING -> inPeriod(row, header, values);
        };
    }

    private boolean unique(String field, Rule rule, SheetRow row, Map<Integer, Column> header, Object[] values) {
        Object key = values[sheet.indexOf(field)];
        int first = firstRowOfKey.putIfAbsent(key, row.number());
        if (first == 0) {
            return true;
        }
        int columnIndex = columnIndexOf(header, field);
        issues.accept(Issue.at(rule, sheet.sheetName(), row.index(), columnIndex,
                sheet.column(field).orElseThrow().header(), row.cell(columnIndex).text(), first));
        return false;
    }

    private boolean inPeriod(SheetRow row, Map<Integer, Column> header, Object[] values) {
        LocalDate date = (LocalDate) values[sheet.indexOf("registration_date")];
        if (period.isEmpty() || period.get().contains(date)) {
            return true;
        }
        int columnIndex = columnIndexOf(header, "registration_date");
        issues.accept(Issue.at(Rule.DATE_OUT_OF_PERIOD, sheet.sheetName(), row.index(), columnIndex,
                sheet.column("registration_date").orElseThrow().header(), date.toString(), period.get()));
        return false;
    }

    private static int columnIndexOf(Map<Integer, Column> header, String field) {
        return header.entrySet().stream().filter(e -> e.getValue().field().equals(field))
                .findFirst().orElseThrow().getKey();
    }
}
