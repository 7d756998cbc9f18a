package cn.jintan.quality.samples;

import cn.jintan.quality.domain.Column;
import cn.jintan.quality.domain.ColumnType;
import cn.jintan.quality.domain.CoverField;
import cn.jintan.quality.domain.Period;
import cn.jintan.quality.domain.SubmissionSheet;
import cn.jintan.quality.domain.Vocabulary;
import cn.jintan.quality.template.SubmissionLayout;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes one {@link SampleSubmission} as a workbook laid out the way its unit's staff do it
 * ({@link UnitStyle}), through POI's common user model so .xlsx and .xls share the code. Header texts
 * come from {@link SubmissionSheet}; amounts stay {@link BigDecimal} until the cell is set.
 */
final class SubmissionWriter {

    private final SampleSubmission submission;
    private final UnitStyle style;
    private final Workbook workbook;
    private final SampleStyles styles;

    private SubmissionWriter(SampleSubmission submission) {
        this.submission = submission;
        this.style = submission.style();
        this.workbook = style.format().create();
        this.styles = new SampleStyles(workbook);
    }

    static void write(SampleSubmission submission, Path file) {
        SubmissionWriter writer = new SubmissionWriter(submission);
        try (Workbook wb = writer.workbook) {
            writer.cover();
            writer.table(SubmissionSheet.QUALITY, "“质量提升”企业情况表",
                    "注：是否类栏目填“是”或“否”；标准数指企业主导制修订并已发布的标准（只）。",
                    submission.quality(), QualityRow::cells);
            writer.table(SubmissionSheet.FINANCING, "融资助企登记情况表",
                    "注：按登记日期逐笔填写本月办理的动产抵押、股权出质、知识产权质押等登记。",
                    submission.financing(), FinancingRow::cells);
            writer.table(SubmissionSheet.FEES, "减费让利情况表",
                    "注：填写本月数，金额单位为万元。",
                    submission.fees(), FeeRow::cells);
            // renamed into place whole: intake never takes a sample half-written
            cn.jintan.quality.OutputFiles.write(file, out -> writer.style.format().save(wb, out));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    // ---- 封面 -------------------------------------------------------------------------------------

    private void cover() {
        Sheet sheet = workbook.createSheet(SubmissionSheet.COVER);
        int valueCol = style.valueColumn();
        sheet.setColumnWidth(0, 14 * 256);
        sheet.setColumnWidth(valueCol, 28 * 256);
        Row title = sheet.createRow(0);
        title.setHeightInPoints(30);
        SubmissionLayout.text(title, 0, SubmissionLayout.title(), styles.title);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, valueCol + 1));

        Period period = submission.period();
        LocalDate filledOn = period.month().plusMonths(1).atDay(style.filledOnDay());
        int r = 2;
        for (CoverField field : CoverField.values()) {
            Row row = sheet.createRow(r++);
            row.setHeightInPoints(20);
            SubmissionLayout.text(row, 0, field.label(), styles.label);
            switch (field) {
                case UNIT -> SubmissionLayout.text(row, valueCol, style.coverUnit(submission.unit()), styles.text);
                case PERIOD -> periodCell(row, valueCol, period);
                case FILLED_BY -> SubmissionLayout.text(row, valueCol, style.filledBy(), styles.text);
                // typed as text so Excel keeps the leading 0 of a landline and does not show 1.39E+10
                case PHONE -> SubmissionLayout.text(row, valueCol, style.phone(), styles.text);
                case FILLED_ON -> date(row, valueCol, filledOn, styles.dateChinese);
                case APPROVED_BY -> {
                    if (style.approvedBy() != null) {
                        SubmissionLayout.text(row, valueCol, style.approvedBy(), styles.text);
                    }
                }
            }
        }
        Row note = sheet.createRow(r + 1);
        SubmissionLayout.text(note, 0, "说明：本表由各镇（街道、功能板块）汇总填报，每月5日前报送区市场监管局。", styles.note);
    }

    private void periodCell(Row row, int col, Period period) {
        switch (style.periodStyle()) {
            case DASH -> SubmissionLayout.text(row, col, period.toString(), styles.text);
            case CHINESE -> SubmissionLayout.text(row, col, period.year() + "年" + period.monthValue() + "月", styles.text);
            case SLASH -> SubmissionLayout.text(row, col, period.year() + "/" + period.monthValue(), styles.text);
            case DATE_CELL -> date(row, col, period.month().atDay(1), styles.monthChinese);
        }
    }

    // ---- table sheets -----------------------------------------------------------------------------

    private <T> void table(SubmissionSheet kind, String titleSuffix, String noteText, List<T> rows,
                           Function<T, Map<String, Object>> cellsOf) {
        Sheet sheet = workbook.createSheet(kind.sheetName());
        List<Column> columns = SampleColumns.columnOrder(kind, style);
        int lastCol = columns.size();

        Row banner = sheet.createRow(0);
        banner.setHeightInPoints(28);
        Period p = submission.period();
        SubmissionLayout.text(banner, 0, submission.unit().name() + p.year() + "年" + p.monthValue() + "月" + titleSuffix, styles.title);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, lastCol));
        int r = 1;
        if (style.noteRow()) {
            Row note = sheet.createRow(r++);
            SubmissionLayout.text(note, 0, noteText, styles.note);
            sheet.addMergedRegion(new CellRangeAddress(note.getRowNum(), note.getRowNum(), 0, lastCol));
        }

        Row header = sheet.createRow(r++);
        header.setHeightInPoints(style.headers() == UnitStyle.HeaderStyle.LINE_BREAKS ? 32 : 20);
        SubmissionLayout.text(header, 0, "序号", styles.header);
        sheet.setColumnWidth(0, 6 * 256);
        for (int c = 0; c < columns.size(); c++) {
            String h = SampleColumns.headerText(kind, columns.get(c), style);
            SubmissionLayout.text(header, c + 1, h, styles.header);
            sheet.setColumnWidth(c + 1, SampleColumns.width(columns.get(c), h));
        }
        sheet.createFreezePane(0, r);
        // printed on one page width, landscape, as the tables are wide
        SubmissionLayout.onePageWide(sheet, true);

        Map<String, BigDecimal> totals = new HashMap<>();
        int n = 1;
        for (T item : rows) {
            Row row = sheet.createRow(r++);
            number(row, 0, BigDecimal.valueOf(n++), styles.integer);
            Map<String, Object> cells = cellsOf.apply(item);
            for (int c = 0; c < columns.size(); c++) {
                Column column = columns.get(c);
                Object value = cells.get(column.field());
                value(row, c + 1, column, value);
                if (value != null && (column.type() == ColumnType.INTEGER || column.type() == ColumnType.DECIMAL)) {
                    totals.merge(column.field(), decimal(value), BigDecimal::add);
                }
            }
        }
        if (style.totalsRow() && !rows.isEmpty()) {
            Row row = sheet.createRow(r);
            SubmissionLayout.text(row, 0, "合计", styles.totalLabel);
            for (int c = 0; c < columns.size(); c++) {
                Column column = columns.get(c);
                if (column.type() == ColumnType.DECIMAL) {
                    number(row, c + 1, totals.getOrDefault(column.field(), BigDecimal.ZERO), styles.moneyTotal);
                } else if (column.type() == ColumnType.INTEGER) {
                    number(row, c + 1, totals.getOrDefault(column.field(), BigDecimal.ZERO), styles.integerTotal);
                } else {
                    row.createCell(c + 1).setCellStyle(styles.integerTotal);
                }
            }
        }
    }

    private void value(Row row, int col, Column column, Object value) {
        switch (column.type()) {
            case TEXT, USCC -> {
                if (value != null && !value.toString().isEmpty()) {
                    SubmissionLayout.text(row, col, value.toString(), styles.text);
                } else {
                    row.createCell(col).setCellStyle(styles.text);
                }
            }
            case ENUM -> {
                Vocabulary v = (Vocabulary) value;
                boolean blankMeaning = column.blankValue() != null && ((Enum<?>) v).name().equals(column.blankValue());
                if (blankMeaning && style.blankForNo()) {
                    row.createCell(col).setCellStyle(styles.centered);
                } else {
                    SubmissionLayout.text(row, col, v.spelling(), styles.centered);
                }
            }
            case YES_NO -> {
                if ((Boolean) value) {
                    SubmissionLayout.text(row, col, "是", styles.centered);
                } else if (style.blankForNo()) {
                    row.createCell(col).setCellStyle(styles.centered);
                } else {
                    SubmissionLayout.text(row, col, "否", styles.centered);
                }
            }
            case INTEGER, DECIMAL -> {
                CellStyle numberStyle = column.type() == ColumnType.INTEGER ? styles.integer : styles.money;
                BigDecimal d = decimal(value);
                if (d.signum() == 0 && style.blankForNo() && !column.cellRequired()) {
                    row.createCell(col).setCellStyle(numberStyle);
                } else {
                    number(row, col, d, numberStyle);
                }
            }
            case DATE -> {
                LocalDate d = (LocalDate) value;
                if (style.textDates()) {
                    SubmissionLayout.text(row, col, d.format(DateTimeFormatter.ISO_LOCAL_DATE), styles.centered);
                } else {
                    date(row, col, d, styles.date);
                }
            }
        }
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        return BigDecimal.valueOf(((Number) value).longValue());
    }

    // ---- cells ------------------------------------------------------------------------------------

    /** The only place an exact decimal becomes a double: the cell's own number type. */
    private static void number(Row row, int col, BigDecimal value, CellStyle style) {
        Cell cell = row.createCell(col);
        cell.setCellValue(value.doubleValue());
        cell.setCellStyle(style);
    }

    private static void date(Row row, int col, LocalDate value, CellStyle style) {
        Cell cell = row.createCell(col);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }
}
