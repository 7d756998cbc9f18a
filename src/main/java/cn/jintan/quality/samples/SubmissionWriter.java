package cn.jintan.quality.samples;

import cn.jintan.quality.domain.Column;
import cn.jintan.quality.domain.ColumnType;
import cn.jintan.quality.domain.CoverField;
import cn.jintan.quality.domain.Period;
import cn.jintan.quality.domain.SubmissionSheet;
import cn.jintan.quality.domain.Vocabulary;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes one {@link Submission} as a workbook laid out the way its unit's staff do it
 * ({@link UnitStyle}), through POI's common user model so .xlsx and .xls share the code. Header texts
 * come from {@link SubmissionSheet}; amounts stay {@link BigDecimal} until the cell is set.
 */
final class SubmissionWriter {

    private static final String TITLE = "金坛区质量强区工作月报表";
    /** Where a staff member breaks the long headers with Alt+Enter to keep the columns narrow. */
    private static final Map<String, String> HEADER_BREAKS = Map.of(
            "统一社会信用代码", "统一社会\n信用代码",
            "国家级标准化试点", "国家级\n标准化试点",
            "省级标准化试点", "省级\n标准化试点",
            "质量信用等级申报", "质量信用\n等级申报",
            "市场主体名称", "市场主体\n名称");

    private final Submission submission;
    private final UnitStyle style;
    private final Workbook workbook;
    private final Styles styles;

    private SubmissionWriter(Submission submission) {
        this.submission = submission;
        this.style = submission.style();
        this.workbook = style.format().create();
        this.styles = new Styles(workbook);
    }

    static void write(Submission submission, Path file) {
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
        text(title, 0, TITLE, styles.title);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, valueCol + 1));

        Period period = submission.period();
        LocalDate filledOn = period.month().plusMonths(1).atDay(style.filledOnDay());
        int r = 2;
        for (CoverField field : CoverField.values()) {
            Row row = sheet.createRow(r++);
            row.setHeightInPoints(20);
            text(row, 0, field.label(), styles.label);
            switch (field) {
                case UNIT -> text(row, valueCol, style.coverUnit(submission.unit()), styles.text);
                case PERIOD -> periodCell(row, valueCol, period);
                case FILLED_BY -> text(row, valueCol, style.filledBy(), styles.text);
                // typed as text so Excel keeps the leading 0 of a landline and does not show 1.39E+10
                case PHONE -> text(row, valueCol, style.phone(), styles.text);
                case FILLED_ON -> date(row, valueCol, filledOn, styles.dateChinese);
                case APPROVED_BY -> {
                    if (style.approvedBy() != null) {
                        text(row, valueCol, style.approvedBy(), styles.text);
                    }
                }
            }
        }
        Row note = sheet.createRow(r + 1);
        text(note, 0, "说明：本表由各镇（街道、功能板块）汇总填报，每月5日前报送区市场监管局。", styles.note);
    }

    private void periodCell(Row row, int col, Period period) {
        switch (style.periodStyle()) {
            case DASH -> text(row, col, period.toString(), styles.text);
            case CHINESE -> text(row, col, period.year() + "年" + period.monthValue() + "月", styles.text);
            case SLASH -> text(row, col, period.year() + "/" + period.monthValue(), styles.text);
            case DATE_CELL -> date(row, col, period.month().atDay(1), styles.monthChinese);
        }
    }

    // ---- table sheets -----------------------------------------------------------------------------

    private <T> void table(SubmissionSheet kind, String titleSuffix, String noteText, List<T> rows,
                           Function<T, Map<String, Object>> cellsOf) {
        Sheet sheet = workbook.createSheet(kind.sheetName());
        List<Column> columns = columnOrder(kind);
        int lastCol = columns.size();

        Row banner = sheet.createRow(0);
        banner.setHeightInPoints(28);
        Period p = submission.period();
        text(banner, 0, submission.unit().name() + p.year() + "年" + p.monthValue() + "月" + titleSuffix, styles.title);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, lastCol));
        int r = 1;
        if (style.noteRow()) {
            Row note = sheet.createRow(r++);
            text(note, 0, noteText, styles.note);
            sheet.addMergedRegion(new CellRangeAddress(note.getRowNum(), note.getRowNum(), 0, lastCol));
        }

        Row header = sheet.createRow(r++);
        header.setHeightInPoints(style.headers() == UnitStyle.HeaderStyle.LINE_BREAKS ? 32 : 20);
        text(header, 0, "序号", styles.header);
        sheet.setColumnWidth(0, 6 * 256);
        for (int c = 0; c < columns.size(); c++) {
            String h = headerText(kind, columns.get(c));
            text(header, c + 1, h, styles.header);
            sheet.setColumnWidth(c + 1, width(columns.get(c), h));
        }
        sheet.createFreezePane(0, r);
        // printed on one page width, landscape, as the tables are wide
        sheet.getPrintSetup().setLandscape(true);
        sheet.setAutobreaks(true);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);

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
            text(row, 0, "合计", styles.totalLabel);
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

    /** One unit puts the code first, the industry later and the date first: the pipeline matches by header. */
    private List<Column> columnOrder(SubmissionSheet kind) {
        List<Column> columns = new ArrayList<>(kind.columns());
        if (!style.reordered()) {
            return columns;
        }
        List<String> front = switch (kind) {
            case QUALITY -> List.of("uscc", "enterprise_name", "key_enterprise", "cqo", "industry");
            case FINANCING -> List.of("registration_date", "enterprise_name", "uscc");
            case FEES -> List.of("item", "beneficiaries");
        };
        List<Column> ordered = new ArrayList<>();
        front.forEach(f -> ordered.add(kind.column(f).orElseThrow()));
        columns.stream().filter(c -> !front.contains(c.field())).forEach(ordered::add);
        return ordered;
    }

    private String headerText(SubmissionSheet kind, Column column) {
        String h = column.header();
        if (style.aliasHeaders() && kind == SubmissionSheet.QUALITY && column.field().equals("enterprise_name")) {
            h = column.aliases().get(0);
        }
        return switch (style.headers()) {
            case TEMPLATE -> h;
            case HALF_WIDTH -> h.replace('（', '(').replace('）', ')');
            case LINE_BREAKS -> h.contains("（") ? h.replace("（", "\n(").replace('）', ')')
                    : HEADER_BREAKS.getOrDefault(h, h);
        };
    }

    private static int width(Column column, String header) {
        int chars = switch (column.field()) {
            case "enterprise_name" -> 30;
            case "uscc" -> 22;
            case "remark" -> 24;
            case "item" -> 14;
            case "industry" -> 18;
            case "amount" -> 18;
            case "beneficiaries" -> 20;
            default -> Math.max(8, header.lines().mapToInt(String::length).max().orElse(4) * 2 + 2);
        };
        return Math.min(255, chars) * 256;
    }

    private void value(Row row, int col, Column column, Object value) {
        switch (column.type()) {
            case TEXT, USCC -> {
                if (value != null && !value.toString().isEmpty()) {
                    text(row, col, value.toString(), styles.text);
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
                    text(row, col, v.spelling(), styles.centered);
                }
            }
            case YES_NO -> {
                if ((Boolean) value) {
                    text(row, col, "是", styles.centered);
                } else if (style.blankForNo()) {
                    row.createCell(col).setCellStyle(styles.centered);
                } else {
                    text(row, col, "否", styles.centered);
                }
            }
            case INTEGER -> {
                BigDecimal d = decimal(value);
                if (d.signum() == 0 && style.blankForNo() && !column.cellRequired()) {
                    row.createCell(col).setCellStyle(styles.integer);
                } else {
                    number(row, col, d, styles.integer);
                }
            }
            case DECIMAL -> {
                BigDecimal d = decimal(value);
                if (d.signum() == 0 && style.blankForNo() && !column.cellRequired()) {
                    row.createCell(col).setCellStyle(styles.money);
                } else {
                    number(row, col, d, styles.money);
                }
            }
            case DATE -> {
                LocalDate d = (LocalDate) value;
                if (style.textDates()) {
                    text(row, col, d.format(DateTimeFormatter.ISO_LOCAL_DATE), styles.centered);
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

    private static void text(Row row, int col, String value, CellStyle style) {
        Cell cell = row.createCell(col);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

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

    /** Cell styles are workbook-wide objects (and .xls allows only ~4000): create each once. */
    private static final class Styles {
        final CellStyle title;
        final CellStyle note;
        final CellStyle label;
        final CellStyle header;
        final CellStyle text;
        final CellStyle centered;
        final CellStyle integer;
        final CellStyle money;
        final CellStyle date;
        final CellStyle dateChinese;
        final CellStyle monthChinese;
        final CellStyle totalLabel;
        final CellStyle integerTotal;
        final CellStyle moneyTotal;

        Styles(Workbook wb) {
            Font titleFont = wb.createFont();
            titleFont.setFontName("宋体");
            titleFont.setFontHeightInPoints((short) 16);
            titleFont.setBold(true);
            Font bold = wb.createFont();
            bold.setFontName("宋体");
            bold.setFontHeightInPoints((short) 11);
            bold.setBold(true);
            Font plain = wb.createFont();
            plain.setFontName("宋体");
            plain.setFontHeightInPoints((short) 11);
            Font small = wb.createFont();
            small.setFontName("宋体");
            small.setFontHeightInPoints((short) 9);

            title = wb.createCellStyle();
            title.setFont(titleFont);
            title.setAlignment(HorizontalAlignment.CENTER);
            title.setVerticalAlignment(VerticalAlignment.CENTER);
            note = wb.createCellStyle();
            note.setFont(small);
            label = wb.createCellStyle();
            label.setFont(bold);
            header = bordered(wb, bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            header.setWrapText(true);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            text = bordered(wb, plain);
            centered = bordered(wb, plain);
            centered.setAlignment(HorizontalAlignment.CENTER);
            short fmtInt = wb.createDataFormat().getFormat("0");
            short fmtMoney = wb.createDataFormat().getFormat("#,##0.00");
            integer = bordered(wb, plain);
            integer.setDataFormat(fmtInt);
            integer.setAlignment(HorizontalAlignment.CENTER);
            money = bordered(wb, plain);
            money.setDataFormat(fmtMoney);
            date = bordered(wb, plain);
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            date.setAlignment(HorizontalAlignment.CENTER);
            dateChinese = wb.createCellStyle();
            dateChinese.setFont(plain);
            dateChinese.setAlignment(HorizontalAlignment.LEFT);
            dateChinese.setDataFormat(wb.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
            monthChinese = wb.createCellStyle();
            monthChinese.setFont(plain);
            monthChinese.setAlignment(HorizontalAlignment.LEFT);
            monthChinese.setDataFormat(wb.createDataFormat().getFormat("yyyy\"年\"m\"月\""));
            totalLabel = bordered(wb, bold);
            totalLabel.setAlignment(HorizontalAlignment.CENTER);
            integerTotal = bordered(wb, bold);
            integerTotal.setDataFormat(fmtInt);
            integerTotal.setAlignment(HorizontalAlignment.CENTER);
            moneyTotal = bordered(wb, bold);
            moneyTotal.setDataFormat(fmtMoney);
        }

        private static CellStyle bordered(Workbook wb, Font font) {
            CellStyle s = wb.createCellStyle();
            s.setFont(font);
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            s.setVerticalAlignment(VerticalAlignment.CENTER);
            return s;
        }
    }
}
