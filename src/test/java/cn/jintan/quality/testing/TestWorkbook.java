package cn.jintan.quality.testing;

import cn.jintan.quality.domain.Column;
import cn.jintan.quality.domain.SubmissionSheet;
import cn.jintan.quality.domain.Uscc;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A submission workbook for tests, written with POI: a valid one by default (直溪镇, 2020-11),
 * changed cell by cell to break one rule at a time. Table sheets have a title row 1, the header in
 * row 2 (序号 first) and data from row 3.
 */
public final class TestWorkbook {

    /** XLSX with shared strings (XSSF), XLS (HSSF), or XLSX with inline strings as streaming writers save it. */
    public enum Format { XLSX, XLS, SXSSF }

    public static final String CODE_A = Uscc.complete("91320482MA1Q0A0B1");
    public static final String CODE_B = Uscc.complete("91320482MA1Q0A0B2");

    private final Map<String, Object> cover = new LinkedHashMap<>();
    private final Map<SubmissionSheet, List<String>> headers = new LinkedHashMap<>();
    private final Map<SubmissionSheet, List<Map<String, Object>>> rows = new LinkedHashMap<>();
    private final List<String> extraSheets = new ArrayList<>();
    private final List<String> removedSheets = new ArrayList<>();
    private final List<int[]> merges = new ArrayList<>(); // sheet ordinal, first row, last row, first col, last col
    private boolean date1904;

    private TestWorkbook() {
        cover.put("填报单位", "直溪镇");
        cover.put("统计期", "2020-11");
        cover.put("填报人", "王丽");
        cover.put("联系电话", "0519-82345678");
        cover.put("填报日期", LocalDate.of(2020, 12, 2));
        for (SubmissionSheet sheet : SubmissionSheet.values()) {
            headers.put(sheet, new ArrayList<>(sheet.columns().stream().map(Column::header).toList()));
            rows.put(sheet, new ArrayList<>());
        }
        quality(Map.of("企业名称", "常州斯威克光伏新材料有限公司", "统一社会信用代码", CODE_A, "所属产业", "光伏新能源",
                "重点企业", "是", "首席质量官", "是", "国家标准", 2, "行业标准", 1, "标准领跑者", "是"));
        quality(Map.of("企业名称", "江苏直溪机械有限公司", "统一社会信用代码", CODE_B, "所属产业", "其他",
                "重点企业", "否", "地方标准", "3", "质量奖申报", "市长质量奖", "质量信用等级申报", "AA"));
        financing(Map.of("市场主体名称", "常州斯威克光伏新材料有限公司", "统一社会信用代码", CODE_A, "登记类型", "动产抵押",
                "登记件数", 2, "融资金额（万元）", new BigDecimal("1200.50"), "登记日期", LocalDate.of(2020, 11, 5)));
        financing(Map.of("市场主体名称", "江苏直溪机械有限公司", "统一社会信用代码", CODE_B, "登记类型", "股权出质",
                "登记件数", 1, "融资金额（万元）", "300", "登记日期", "2020/11/20"));
        fee("减免水费", "10.5", 12);
        fee("减免电费", 20, 30);
        fee("减免燃气费", 0, 0);
        fee("清退涉企收费", 1.25, 3);
        fee("其他减免", null, null);
    }

    public static TestWorkbook valid() {
        return new TestWorkbook();
    }

    public TestWorkbook cover(String label, Object value) {
        if (value == null) {
            cover.remove(label);
        } else {
            cover.put(label, value);
        }
        return this;
    }

    public TestWorkbook quality(Map<String, Object> row) {
        rows.get(SubmissionSheet.QUALITY).add(new LinkedHashMap<>(row));
        return this;
    }

    public TestWorkbook financing(Map<String, Object> row) {
        rows.get(SubmissionSheet.FINANCING).add(new LinkedHashMap<>(row));
        return this;
    }

    public TestWorkbook fee(String item, Object amount, Object beneficiaries) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("项目", item);
        row.put("金额（万元）", amount);
        row.put("惠及市场主体（户）", beneficiaries);
        rows.get(SubmissionSheet.FEES).add(row);
        return this;
    }

    /**
     * Inserts a row written exactly as given at data position {@code index} (0 = Excel row 3): no
     * automatic 序号 (give one as {@code "序号"}, column A), cells by header. {@code Map.of()} is a row
     * the file stores with nothing in it.
     */
    public TestWorkbook insertRow(SubmissionSheet sheet, int index, Map<String, Object> cells) {
        Map<String, Object> row = new LinkedHashMap<>(cells);
        row.put(RAW, Boolean.TRUE);
        rows.get(sheet).add(index, row);
        return this;
    }

    /** Leaves data position {@code index} out of the file altogether (a jump in row numbers, as Excel saves a blank row). */
    public TestWorkbook skipRow(SubmissionSheet sheet, int index) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(SKIP, Boolean.TRUE);
        rows.get(sheet).add(index, row);
        return this;
    }

    /** Appends {@code count} rows with bordered, empty cells in every column: a used range longer than the data. */
    public TestWorkbook formattedEmptyRows(SubmissionSheet sheet, int count) {
        for (int i = 0; i < count; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put(FORMATTED, Boolean.TRUE);
            rows.get(sheet).add(row);
        }
        return this;
    }

    private static final String RAW = "#raw";
    private static final String SKIP = "#skip";
    private static final String FORMATTED = "#formatted";

    /** Sets a cell of data row {@code index} (0 = first data row, Excel row 3) by header. */
    public TestWorkbook set(SubmissionSheet sheet, int index, String header, Object value) {
        rows.get(sheet).get(index).put(header, value);
        return this;
    }

    public TestWorkbook renameHeader(SubmissionSheet sheet, String header, String newText) {
        List<String> h = headers.get(sheet);
        h.set(h.indexOf(header), newText);
        rows.get(sheet).forEach(r -> {
            if (r.containsKey(header)) {
                r.put(newText, r.remove(header));
            }
        });
        return this;
    }

    /** Merges cells of a table sheet (0-based rows and columns as POI counts them). */
    public TestWorkbook merge(SubmissionSheet sheet, int firstRow, int lastRow, int firstCol, int lastCol) {
        merges.add(new int[]{sheet.ordinal(), firstRow, lastRow, firstCol, lastCol});
        return this;
    }

    /** Saves with the 1904 date system (old Mac Excel). */
    public TestWorkbook date1904() {
        this.date1904 = true;
        return this;
    }

    public TestWorkbook withoutSheet(String name) {
        removedSheets.add(name);
        return this;
    }

    public TestWorkbook withExtraSheet(String name) {
        extraSheets.add(name);
        return this;
    }

    public Path write(Path file) {
        return write(file, file.toString().endsWith(".xls") ? Format.XLS : Format.XLSX);
    }

    public Path write(Path file, Format format) {
        try (Workbook wb = switch (format) {
            case XLS -> new HSSFWorkbook();
            case XLSX -> new XSSFWorkbook();
            case SXSSF -> new org.apache.poi.xssf.streaming.SXSSFWorkbook(); // inline strings
        }; OutputStream out = Files.newOutputStream(file)) {
            if (date1904) {
                ((XSSFWorkbook) wb).getCTWorkbook().addNewWorkbookPr().setDate1904(true);
            }
            CellStyle dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            if (!removedSheets.contains(SubmissionSheet.COVER)) {
                Sheet sheet = wb.createSheet(SubmissionSheet.COVER);
                set(sheet.createRow(0).createCell(0), "金坛区质量强区工作月报表", dateStyle);
                int r = 2;
                for (Map.Entry<String, Object> e : cover.entrySet()) {
                    Row row = sheet.createRow(r++);
                    set(row.createCell(0), e.getKey(), dateStyle);
                    set(row.createCell(1), e.getValue(), dateStyle);
                }
            }
            for (SubmissionSheet spec : SubmissionSheet.values()) {
                if (removedSheets.contains(spec.sheetName())) {
                    continue;
                }
                Sheet sheet = wb.createSheet(spec.sheetName());
                set(sheet.createRow(0).createCell(0), spec.sheetName() + "情况表", dateStyle);
                Row header = sheet.createRow(1);
                header.createCell(0).setCellValue("序号");
                List<String> h = headers.get(spec);
                for (int c = 0; c < h.size(); c++) {
                    header.createCell(c + 1).setCellValue(h.get(c));
                }
                CellStyle bordered = wb.createCellStyle();
                bordered.setBorderBottom(org.apache.poi.ss.usermodel.BorderStyle.THIN);
                int r = 2;
                for (Map<String, Object> data : rows.get(spec)) {
                    if (data.containsKey(SKIP)) {
                        r++;
                        continue;
                    }
                    Row row = sheet.createRow(r);
                    if (data.containsKey(FORMATTED)) {
                        for (int c = 0; c <= h.size(); c++) {
                            row.createCell(c).setCellStyle(bordered);
                        }
                        r++;
                        continue;
                    }
                    if (data.containsKey(RAW)) {
                        if (data.get("序号") != null) {
                            set(row.createCell(0), data.get("序号"), dateStyle);
                        }
                    } else {
                        row.createCell(0).setCellValue(r - 1);
                    }
                    for (int c = 0; c < h.size(); c++) {
                        Object v = data.get(h.get(c));
                        if (v != null) {
                            set(row.createCell(c + 1), v, dateStyle);
                        }
                    }
                    r++;
                }
            }
            for (int[] m : merges) {
                wb.getSheet(SubmissionSheet.values()[m[0]].sheetName())
                        .addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(m[1], m[2], m[3], m[4]));
            }
            if (format != Format.SXSSF) {
                // cache the results of formulas meant to have one, as Excel and WPS do on save
                org.apache.poi.ss.usermodel.FormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
                for (Sheet sheet : wb) {
                    for (Row row : sheet) {
                        for (Cell cell : row) {
                            if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA
                                    && cachedFormulas.contains(cell.getCellFormula())) {
                                evaluator.evaluateFormulaCell(cell);
                            }
                        }
                    }
                }
            }
            for (String name : extraSheets) {
                wb.createSheet(name).createRow(0).createCell(0).setCellValue("说明");
            }
            wb.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private final java.util.Set<String> cachedFormulas = new java.util.HashSet<>();

    private void set(Cell cell, Object value, CellStyle dateStyle) {
        if (value instanceof LocalDate d) {
            cell.setCellValue(d);
            cell.setCellStyle(dateStyle);
        } else if (value instanceof Number n) {
            cell.setCellValue(new BigDecimal(n.toString()).doubleValue());
        } else if (value instanceof Formula f) {
            cell.setCellFormula(f.formula());
            if (f.cached()) {
                cachedFormulas.add(f.formula());
            }
        } else {
            cell.setCellValue(String.valueOf(value));
        }
    }

    /** A formula cell: with its result cached (as Excel saves it) or without (as POI writes it). */
    public record Formula(String formula, boolean cached) {
        public Formula(String formula) {
            this(formula, false);
        }
    }
}
