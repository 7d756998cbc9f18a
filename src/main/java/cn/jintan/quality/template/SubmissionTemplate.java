package cn.jintan.quality.template;

import cn.jintan.quality.domain.Column;
import cn.jintan.quality.domain.CoverField;
import cn.jintan.quality.domain.FeeItem;
import cn.jintan.quality.domain.SubmissionSheet;
import cn.jintan.quality.domain.Unit;
import cn.jintan.quality.domain.UnitRegistry;
import cn.jintan.quality.messages.Messages;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The blank submission workbook ({@code template --out FILE}), generated from the same tables the
 * validator reads: {@link SubmissionSheet} and its {@link Column}s, {@link CoverField}, the
 * vocabularies and the unit registry. Each input check in Excel mirrors a rule of the spec; the
 * title, note and header rows are protected, the input cells are not. No password: staff may
 * unprotect a sheet to add rows or columns, the validator accepts that. Written against POI's
 * common API, so the same template comes as {@code .xlsx} or as {@code .xls} (Excel 97-2003).
 */
public final class SubmissionTemplate {

    /** Excel row index of the header row of a table sheet (row 3 as Excel shows it). */
    public static final int HEADER_ROW = 2;
    /** How many data rows carry the input checks. */
    public static final int INPUT_ROWS = 2000;
    /** Excel row index of the first cover field (row 3). */
    public static final int COVER_FIRST_FIELD_ROW = 2;
    /** The registry's unit names, for the drop-down, in a hidden column below the 20 rows the cover is read from. */
    static final int UNIT_LIST_COLUMN = 7;
    static final int UNIT_LIST_FIRST_ROW = 30;

    /** Before a required cover field's label (red); the validator reads the label without it. */
    static final String REQUIRED_MARK = "*";
    private static final int TITLE_POINTS = TemplateStyles.TITLE_POINTS;
    private static final int LINE_POINTS = 14;
    /** The narrowest a table is (characters): its title, 16 pt, fits on one line. */
    private static final int MIN_TABLE_WIDTH = 60;
    /** Width of the cover's form (columns A to D), in characters. */
    private static final int COVER_WIDTH = 100;

    private final UnitRegistry registry;
    private final Messages messages = Messages.catalogue();
    private final TemplateChecks checks = new TemplateChecks(messages);

    public SubmissionTemplate(UnitRegistry registry) {
        this.registry = registry;
    }

    /** The file formats the template can be written in, by the extension of the file's name. */
    public enum Format {
        XLSX, XLS;

        /** {@code .xlsx} or {@code .xls} (any case), else empty: nothing else is a workbook staff can fill in. */
        public static java.util.Optional<Format> of(Path file) {
            String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
            return name.endsWith(".xlsx") ? java.util.Optional.of(XLSX)
                    : name.endsWith(".xls") ? java.util.Optional.of(XLS) : java.util.Optional.empty();
        }
    }

    /** Writes the template in the format its name asks for ({@code .xlsx} or {@code .xls}). */
    public void write(Path out) {
        Format format = Format.of(out).orElseThrow(() -> new IllegalArgumentException("not .xlsx or .xls: " + out));
        try (Workbook wb = build(format)) {
            cn.jintan.quality.OutputFiles.write(out, wb::write);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the template to " + out, e);
        }
    }

    public Workbook build(Format format) {
        Workbook wb;
        if (format == Format.XLS) {
            HSSFWorkbook hssf = new HSSFWorkbook();
            // with their code page set, else POI warns on the user's terminal while writing them
            hssf.createInformationProperties();
            hssf.getSummaryInformation().getFirstSection().setCodepage(org.apache.poi.util.CodePageUtil.CP_UNICODE);
            hssf.getDocumentSummaryInformation().getFirstSection().setCodepage(org.apache.poi.util.CodePageUtil.CP_UNICODE);
            wb = hssf;
        } else {
            wb = new XSSFWorkbook();
        }
        TemplateStyles styles = new TemplateStyles(wb);
        cover(wb, styles);
        for (SubmissionSheet sheet : SubmissionSheet.values()) {
            table(wb, styles, sheet);
        }
        wb.setActiveSheet(0);
        return wb;
    }

    private void cover(Workbook wb, TemplateStyles styles) {
        Sheet sheet = wb.createSheet(SubmissionSheet.COVER);
        sheet.setColumnWidth(0, 16 * 256);
        sheet.setColumnWidth(1, 40 * 256);
        sheet.setColumnWidth(2, 4 * 256);
        sheet.setColumnWidth(3, 40 * 256);
        Row title = sheet.createRow(0);
        title.setHeightInPoints(30);
        SubmissionLayout.text(title, 0, SubmissionLayout.title(), styles.title);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 3));
        Row legend = sheet.createRow(1);
        SubmissionLayout.text(legend, 0, messages.get("template.cover.required_legend"), styles.legend);
        sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, 3));

        DataValidationHelper dv = sheet.getDataValidationHelper();
        int r = COVER_FIRST_FIELD_ROW;
        for (CoverField field : CoverField.values()) {
            Row row = sheet.createRow(r);
            row.setHeightInPoints(22);
            if (field.required()) {
                // a red star before the label: the cover reader ignores it, as it does in headers
                var cell = row.createCell(0);
                RichTextString label = wb.getCreationHelper().createRichTextString(REQUIRED_MARK + field.label());
                label.applyFont(0, REQUIRED_MARK.length(), styles.redBold);
                cell.setCellValue(label);
                cell.setCellStyle(styles.label);
            } else {
                SubmissionLayout.text(row, 0, field.label(), styles.label);
            }
            CellStyle input = switch (field) {
                case FILLED_ON -> styles.coverDate;
                default -> styles.coverText;
            };
            row.createCell(1).setCellStyle(input);
            String key = "template.cover." + field.name().toLowerCase(Locale.ROOT);
            DataValidationConstraint constraint = switch (field) {
                case UNIT -> dv.createFormulaListConstraint(unitListRange());
                case FILLED_ON -> TemplateChecks.dateConstraint(dv);
                default -> null;
            };
            if (constraint == null) {
                // no check, only the hint (统计期 stays text, as 2020-11 or 2020年11月)
                constraint = dv.createTextLengthConstraint(OperatorType.LESS_OR_EQUAL, "200", null);
            }
            checks.add(sheet, constraint, new CellRangeAddressList(r, r, 1, 1), messages.get("template.prompt.title"),
                    messages.get(key), field == CoverField.UNIT
                    ? messages.get("template.check.list") : field == CoverField.FILLED_ON
                    ? messages.get("template.check.date") : messages.get("template.check.text_max", 200));
            r++;
        }
        r++;
        Row heading = sheet.createRow(r++);
        SubmissionLayout.text(heading, 0, messages.get("template.instructions.heading"), styles.bold);
        for (int i = 1; messages.has("template.instructions." + i); i++) {
            Row row = sheet.createRow(r);
            String instruction = messages.get("template.instructions." + i);
            SubmissionLayout.text(row, 0, instruction, styles.wrap);
            sheet.addMergedRegion(new CellRangeAddress(r, r, 0, 3));
            row.setHeightInPoints(lines(instruction, 10, COVER_WIDTH) * LINE_POINTS + 6);
            r++;
        }
        // the registry's names for the 填报单位 drop-down: a hidden column, below the rows the cover is read from
        List<Unit> units = registry.units();
        for (int i = 0; i < units.size(); i++) {
            Row row = sheet.getRow(UNIT_LIST_FIRST_ROW + i) == null ? sheet.createRow(UNIT_LIST_FIRST_ROW + i)
                    : sheet.getRow(UNIT_LIST_FIRST_ROW + i);
            SubmissionLayout.text(row, UNIT_LIST_COLUMN, units.get(i).name(), styles.locked);
        }
        sheet.setColumnHidden(UNIT_LIST_COLUMN, true);
        TemplatePrint.print(sheet, false, messages);
        wb.setPrintArea(wb.getSheetIndex(sheet), 0, 3, 0, r - 1);
        TemplatePrint.protect(sheet);
    }

    private String unitListRange() {
        String column = cn.jintan.quality.workbook.CellAddress.column(UNIT_LIST_COLUMN);
        return "$" + column + "$" + (UNIT_LIST_FIRST_ROW + 1) + ":$" + column + "$" + (UNIT_LIST_FIRST_ROW + registry.units().size());
    }

    private void table(Workbook wb, TemplateStyles styles, SubmissionSheet spec) {
        Sheet sheet = wb.createSheet(spec.sheetName());
        List<Column> columns = spec.columns();
        String key = spec.name().toLowerCase(Locale.ROOT);
        // a narrow table (减费让利's three columns) is widened so that its title fits on one line
        int widen = Math.max(0, MIN_TABLE_WIDTH - columns.stream().mapToInt(SubmissionTemplate::width).sum()) / columns.size();
        int tableWidth = columns.stream().mapToInt(c -> width(c) + widen).sum();
        // title and note wrap within the table's width, their rows as high as the lines they need (a
        // narrow sheet such as 减费让利 would otherwise clip its title)
        String titleText = messages.get("template.table.title", SubmissionLayout.title(), spec.sheetName());
        Row title = sheet.createRow(0);
        title.setHeightInPoints(lines(titleText, TITLE_POINTS, tableWidth) * (TITLE_POINTS + 8) + 6);
        SubmissionLayout.text(title, 0, titleText, styles.title);
        String noteText = messages.get("template.note." + key) + messages.get("template.note.rows");
        Row note = sheet.createRow(1);
        note.setHeightInPoints(lines(noteText, 10, tableWidth) * LINE_POINTS + 6);
        SubmissionLayout.text(note, 0, noteText, styles.wrap);
        for (int c = 1; c < columns.size(); c++) {
            title.createCell(c).setCellStyle(styles.title);
            note.createCell(c).setCellStyle(styles.wrap);
        }
        int lastColumn = Math.max(columns.size() - 1, 1);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, lastColumn));
        sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, lastColumn));
        Row header = sheet.createRow(HEADER_ROW);
        int headerLines = columns.stream().mapToInt(c -> lines(c.header(), 10, width(c) - 1)).max().orElse(1);
        header.setHeightInPoints(Math.max(2, headerLines) * LINE_POINTS + 6);
        DataValidationHelper dv = sheet.getDataValidationHelper();
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            SubmissionLayout.text(header, c, column.header(), column.required() ? styles.requiredHeader : styles.header);
            sheet.setColumnWidth(c, (width(column) + widen) * 256);
            boolean fixedItems = spec == SubmissionSheet.FEES && column.type() == cn.jintan.quality.domain.ColumnType.ENUM;
            sheet.setDefaultColumnStyle(c, fixedItems ? styles.locked : styles.input(column.type()));
            CellRangeAddressList range = fixedItems
                    ? new CellRangeAddressList(HEADER_ROW + 1, HEADER_ROW + FeeItem.values().length, c, c)
                    : new CellRangeAddressList(HEADER_ROW + 1, HEADER_ROW + INPUT_ROWS, c, c);
            checks.check(sheet, dv, column, range, fixedItems);
        }
        if (spec == SubmissionSheet.FEES) {
            int r = HEADER_ROW + 1;
            for (FeeItem item : FeeItem.values()) {
                Row row = sheet.createRow(r++);
                SubmissionLayout.text(row, 0, item.spelling(), styles.lockedBordered);
                for (int c = 1; c < columns.size(); c++) {
                    row.createCell(c).setCellStyle(styles.input(columns.get(c).type()));
                }
            }
        }
        sheet.createFreezePane(0, HEADER_ROW + 1);
        TemplatePrint.print(sheet, true, messages);
        sheet.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW, -1, -1));
        TemplatePrint.protect(sheet);
    }

    /** Lines a text needs in a cell {@code widthUnits} characters wide. */
    static int lines(String text, int points, int widthUnits) {
        return Math.max(1, (int) Math.ceil(units(text, points) / Math.max(1, widthUnits - 1)));
    }

    /** Width of a text in Excel's unit (one digit of the default font): a Chinese character takes two. */
    static double units(String text, int points) {
        double units = 0;
        for (int i = 0; i < text.length(); i++) {
            units += text.charAt(i) < 0x2E80 ? 1.1 : 2.0;
        }
        return units * points / 11.0;
    }

    /**
     * Column widths (characters): enough for the values, not for the header, which wraps. Narrow
     * number and 是/否 columns keep 质量提升's 17 columns printable on A4 landscape at about 90%.
     */
    static int width(Column column) {
        return switch (column.type()) {
            case TEXT -> column.max() != null && column.max().intValue() > 100 ? 12 : 26;
            case USCC -> 20;
            case ENUM -> Math.max(7, (int) Math.ceil(Arrays.stream(TemplateChecks.spellings(column)).mapToDouble(v -> units(v, 11)).max().orElse(0)) + 2);
            case DATE, DECIMAL -> 12;
            case YES_NO -> 6;
            default -> column.max() != null && column.max().compareTo(BigDecimal.valueOf(1000)) > 0 ? 10 : 6;
        };
    }
}
