package cn.jintan.quality.receipt;

import cn.jintan.quality.messages.Messages;
import cn.jintan.quality.validation.Issue;
import cn.jintan.quality.workbook.Text;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.WorkbookUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The annotated copy of a rejected workbook: the staff member's own file with every problem cell
 * filled (red for errors, yellow for warnings) and its message as a cell comment, plus a first
 * sheet listing every problem (those without a cell too). Text we write is always a string cell,
 * never a formula. The original's links to other workbooks and DDE links are removed ({@code .xlsx})
 * or the file gets no copy ({@code .xls}). A file that cannot be opened safely gets no copy.
 */
public final class AnnotatedWorkbook {

    private static final Logger log = LoggerFactory.getLogger(AnnotatedWorkbook.class);

    private final Messages messages = Messages.catalogue();
    private final long maxBytes;

    public AnnotatedWorkbook(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** What the copy is: its bytes and the extension its format needs ({@code .xlsx} or {@code .xls}). */
    public record Annotated(byte[] bytes, String extension) {
    }

    /**
     * Annotates {@code original}; empty when the file is not a workbook we may open (too large,
     * encrypted, macro-enabled, unsafe, unreadable) or there is nothing to mark.
     */
    public Optional<Annotated> annotate(Path original, List<Issue> issues) {
        if (issues.isEmpty() || issues.stream().anyMatch(i -> i.code().startsWith("file."))) {
            return Optional.empty();
        }
        try {
            if (!Files.isRegularFile(original) || Files.size(original) > Math.min(maxBytes, memoryBudget())) {
                log.info("no annotated copy of {}: too large to open whole in this heap", original.getFileName());
                return Optional.empty();
            }
            FileMagic magic;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(original))) {
                magic = FileMagic.valueOf(in);
            }
            if (magic != FileMagic.OOXML && magic != FileMagic.OLE2) {
                return Optional.empty();
            }
            // user model from a stream: POI's zip-bomb and XML guards stay on; the original is never written
            try (InputStream in = Files.newInputStream(original);
                 Workbook wb = WorkbookFactory.create(in)) {
                if (wb instanceof org.apache.poi.xssf.usermodel.XSSFWorkbook x && x.isMacroEnabled()) {
                    return Optional.empty();
                }
                if (wb instanceof HSSFWorkbook h && ExternalLinks.inXls(h)) {
                    // HSSF cannot take its link records out: no copy rather than one that reaches other files
                    log.info("no annotated copy of {}: it links to other workbooks or DDE sources", original.getFileName());
                    return Optional.empty();
                }
                if (wb instanceof org.apache.poi.xssf.usermodel.XSSFWorkbook x) {
                    ExternalLinks.removeFrom(x);
                }
                annotate(wb, issues);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                wb.write(out);
                return Optional.of(new Annotated(out.toByteArray(), wb instanceof HSSFWorkbook ? ".xls" : ".xlsx"));
            }
        } catch (IOException | RuntimeException e) {
            // encrypted, corrupt or hostile: the receipt still lists every problem
            log.warn("no annotated copy of {}: {}", original.getFileName(), e.toString());
            return Optional.empty();
        } catch (OutOfMemoryError e) {
            // the user model of a big workbook: its objects are garbage now; the run and the receipt go on
            log.warn("no annotated copy of {}: not enough memory to open it whole", original.getFileName());
            return Optional.empty();
        }
    }

    /**
     * The largest file the user model may open: it needs a few hundred times the .xlsx's size
     * (measured: 6.8 MB → 2.5 GB), and the run must not die for a convenience copy.
     */
    static long memoryBudget() {
        return Runtime.getRuntime().maxMemory() / 400;
    }

    void annotate(Workbook wb, List<Issue> issues) {
        AnnotationStyles marks = new AnnotationStyles(wb);
        Map<String, List<Issue>> byCell = new LinkedHashMap<>();
        for (Issue issue : issues) {
            Sheet sheet = issue.cell() == null ? null : sheet(wb, issue.sheet());
            if (sheet != null) {
                byCell.computeIfAbsent(wb.getSheetIndex(sheet) + "!" + issue.cell(), k -> new ArrayList<>()).add(issue);
            }
        }
        for (List<Issue> cellIssues : byCell.values()) {
            Issue first = cellIssues.get(0);
            Sheet sheet = sheet(wb, first.sheet());
            CellReference ref = new CellReference(first.cell());
            Row row = Optional.ofNullable(sheet.getRow(ref.getRow())).orElseGet(() -> sheet.createRow(ref.getRow()));
            Cell cell = Optional.ofNullable(row.getCell(ref.getCol())).orElseGet(() -> row.createCell(ref.getCol()));
            boolean error = cellIssues.stream().anyMatch(Issue::isError);
            cell.setCellStyle(marks.fill(cell.getCellStyle(), error));
            StringBuilder text = new StringBuilder();
            for (Issue i : cellIssues) {
                if (!text.isEmpty()) {
                    text.append('\n');
                }
                text.append(messages.get(i.isError() ? "receipt.kind.error" : "receipt.kind.warning"))
                        .append('：').append(i.message());
            }
            comment(wb, sheet, cell, text.toString());
        }
        problemSheet(wb, issues, marks);
    }

    /** The sheet an issue names: exact, else by the spec's normalisation (NFKC, trimmed). */
    private static Sheet sheet(Workbook wb, String name) {
        if (name == null) {
            return null;
        }
        Sheet exact = wb.getSheet(name);
        if (exact != null) {
            return exact;
        }
        for (Sheet s : wb) {
            if (Text.normalise(s.getSheetName()).equals(Text.normalise(name))) {
                return s;
            }
        }
        return null;
    }

    private void comment(Workbook wb, Sheet sheet, Cell cell, String text) {
        Comment old = cell.getCellComment();
        String all = text;
        if (old != null) {
            String oldText = old.getString() == null ? "" : old.getString().getString();
            cell.removeCellComment();
            if (!oldText.isBlank()) {
                all = text + "\n\n" + oldText;
            }
        }
        CreationHelper factory = wb.getCreationHelper();
        Drawing<?> drawing = sheet.getDrawingPatriarch() != null ? sheet.getDrawingPatriarch() : sheet.createDrawingPatriarch();
        ClientAnchor anchor = factory.createClientAnchor();
        int lines = Math.max(3, (int) Math.ceil(all.length() / 18.0) + (int) all.chars().filter(c -> c == '\n').count());
        anchor.setCol1(cell.getColumnIndex() + 1);
        anchor.setCol2(cell.getColumnIndex() + 5);
        anchor.setRow1(cell.getRowIndex());
        anchor.setRow2(cell.getRowIndex() + Math.min(lines, 20));
        Comment comment = drawing.createCellComment(anchor);
        comment.setString(factory.createRichTextString(all));
        comment.setAuthor(messages.get("receipt.annotated.author"));
        cell.setCellComment(comment);
    }

    /** A first sheet listing every problem, with a link to its cell where it has one. */
    private void problemSheet(Workbook wb, List<Issue> issues, AnnotationStyles marks) {
        String base = WorkbookUtil.createSafeSheetName(messages.get("receipt.annotated.sheet"));
        String name = base;
        for (int n = 2; wb.getSheet(name) != null; n++) {
            name = base + n;
        }
        Sheet list = wb.createSheet(name);
        wb.setSheetOrder(name, 0);
        wb.setActiveSheet(0);
        for (Sheet s : wb) {
            s.setSelected(s == list);
        }
        wb.setFirstVisibleTab(0);
        Row intro = list.createRow(0);
        text(intro.createCell(0), messages.get("receipt.annotated.intro"), marks.wrap);
        list.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(0, 0, 0, 7));
        intro.setHeightInPoints(36);
        String[] heads = {"no", "kind", "sheet", "cell", "row", "column", "value", "message"};
        int[] widths = {6, 7, 12, 9, 6, 18, 22, 70};
        Row head = list.createRow(2);
        for (int c = 0; c < heads.length; c++) {
            text(head.createCell(c), messages.get("receipt.issues." + heads[c]), marks.head);
            list.setColumnWidth(c, widths[c] * 256);
        }
        int r = 3;
        CreationHelper factory = wb.getCreationHelper();
        List<Issue> ordered = issues.stream().sorted(java.util.Comparator.comparing(i -> i.isError() ? 0 : 1)).toList();
        for (Issue i : ordered) {
            Row row = list.createRow(r);
            Cell number = row.createCell(0);
            number.setCellValue(r - 2);
            number.setCellStyle(marks.centered); // top-aligned like the rest of the row
            text(row.createCell(1), messages.get(i.isError() ? "receipt.kind.error" : "receipt.kind.warning"),
                    i.isError() ? marks.errorText : marks.warningText);
            text(row.createCell(2), i.sheet(), marks.plain);
            Sheet target = i.cell() == null ? null : sheet(wb, i.sheet());
            Cell where = row.createCell(3);
            if (target != null) {
                text(where, i.cell(), marks.link);
                Hyperlink link = factory.createHyperlink(HyperlinkType.DOCUMENT);
                link.setAddress("'" + target.getSheetName().replace("'", "''") + "'!" + i.cell());
                where.setHyperlink(link);
            } else {
                text(where, "", marks.plain);
            }
            if (i.row() != null) {
                Cell rowNo = row.createCell(4);
                rowNo.setCellValue(i.row());
                rowNo.setCellStyle(marks.centered);
            }
            text(row.createCell(5), i.column(), marks.plain);
            text(row.createCell(6), i.value(), marks.plain);
            String message = i.cell() == null ? i.message() + messages.get("receipt.annotated.no_cell") : i.message();
            text(row.createCell(7), message, marks.wrap);
            // wrapped text needs a row tall enough: about 34 Chinese characters per line at width 70
            row.setHeightInPoints(15f * Math.max(1, (int) Math.ceil(message.length() / 34.0)));
            r++;
        }
        list.createFreezePane(0, 3);
        list.getPrintSetup().setLandscape(true);
        list.setFitToPage(true);
        list.getPrintSetup().setFitWidth((short) 1);
        list.getPrintSetup().setFitHeight((short) 0);
    }

    /**
     * Always a string cell, never a formula: text starting with {@code = + - @} stays text (the
     * list's styles are also quote-prefixed, so it stays text when staff edit the cell).
     */
    private static void text(Cell cell, String value, CellStyle style) {
        String v = value == null ? "" : value;
        cell.setCellValue(v);
        cell.setCellStyle(style);
    }
}
