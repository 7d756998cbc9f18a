package cn.jintan.quality.report;

import cn.jintan.quality.aggregate.Briefing;
import cn.jintan.quality.aggregate.Change;
import cn.jintan.quality.aggregate.Comparison;
import cn.jintan.quality.aggregate.Coverage;
import cn.jintan.quality.aggregate.PeriodDetails;
import cn.jintan.quality.aggregate.PeriodFigures.UnitFigures;
import cn.jintan.quality.aggregate.Ranking;
import cn.jintan.quality.aggregate.TargetProgress;
import cn.jintan.quality.domain.Indicator;
import cn.jintan.quality.messages.Messages;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code summary-YYYY-MM.xlsx}: the briefing's tables for staff, one sheet per table, and who reported
 * (报送情况). Numbers are
 * numeric cells with a number format; text is always a string cell ({@code setCellValue(String)}
 * never makes a formula), so a name starting with = + - @ stays data (OWASP "CSV injection").
 */
final class SummaryWorkbook {

    private final Messages messages;
    private final Wording wording;
    private final TargetLines labels;
    private final UnitRows unitRows;
    private final SectionRows sections;
    private final DataNotes notes;

    SummaryWorkbook(Messages messages) {
        this.messages = messages;
        this.wording = new Wording(messages);
        this.labels = new TargetLines(messages, wording);
        this.unitRows = new UnitRows(messages);
        this.sections = new SectionRows(messages);
        this.notes = new DataNotes(messages);
    }

    void write(Briefing briefing, Path file) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles styles = new Styles(wb);
            figures(wb.createSheet(messages.get("summary.sheet.figures")), styles, briefing);
            targets(wb.createSheet(messages.get("summary.sheet.targets")), styles, briefing);
            units(wb.createSheet(messages.get("summary.sheet.units")), styles, briefing);
            industries(wb.createSheet(messages.get("summary.sheet.industry")), styles, briefing);
            honours(wb.createSheet(messages.get("summary.sheet.honours")), styles, briefing);
            notes(wb.createSheet(messages.get("summary.sheet.notes")), styles, briefing);
            coverage(wb.createSheet(messages.get("summary.sheet.coverage")), styles, briefing);
            cn.jintan.quality.OutputFiles.write(file, wb::write);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private void figures(Sheet sheet, Styles s, Briefing b) {
        header(sheet, s, messages.get("summary.head.key"), messages.get("briefing.figures.indicator"),
                messages.get("briefing.figures.unit"), messages.get("summary.head.value"),
                messages.get("briefing.figures.ytd", wording.ytdSpan(b.figures().period())),
                messages.get("briefing.figures.mom"), messages.get("briefing.figures.yoy"));
        int r = 1;
        for (Indicator i : Indicator.values()) {
            Row row = sheet.createRow(r++);
            text(row, 0, i.key(), s);
            text(row, 1, messages.get("indicator." + i.key()), s);
            text(row, 2, messages.get("indicator." + i.key() + ".unit"), s);
            number(row, 3, b.figures().district(i), i.money(), s);
            if (i.kind() == Indicator.Kind.FLOW) {
                number(row, 4, b.figures().districtYtd(i), i.money(), s);
            }
            String unit = messages.get("indicator." + i.key() + ".unit");
            change(row, 5, b.monthOnMonth(i), i.money(), unit, s);
            change(row, 6, b.yearOnYear(i), i.money(), unit, s);
        }
        // what "—" and 口径不同 mean, as under the briefing's table
        text(sheet.createRow(r + 1), 0, messages.get("briefing.figures.note", wording.ytdSpan(b.figures().period())), s);
        widths(sheet, 30, 34, 8, 14, 16, 10, 10);
    }

    private void targets(Sheet sheet, Styles s, Briefing b) {
        header(sheet, s, messages.get("summary.head.key"), messages.get("briefing.figures.indicator"),
                messages.get("summary.head.target"), messages.get("summary.head.actual"),
                messages.get("summary.head.completion"), messages.get("summary.head.schedule"), messages.get("summary.head.gap"));
        int r = 1;
        for (TargetProgress t : b.targets()) {
            boolean money = TargetLines.indicator(t.key()).money();
            Row row = sheet.createRow(r++);
            text(row, 0, t.key(), s);
            text(row, 1, labels.label(b, t.key()), s);
            number(row, 2, t.target(), money, s);
            number(row, 3, t.actual(), money, s);
            decimal1(row, 4, t.completion(), s);
            decimal1(row, 5, t.schedule(), s);
            decimal1(row, 6, t.gap(), s);
        }
        widths(sheet, 30, 34, 14, 14, 12, 12, 12);
    }

    private void units(Sheet sheet, Styles s, Briefing b) {
        List<String> heads = new ArrayList<>(List.of(messages.get("summary.head.code"), messages.get("briefing.units.name"),
                messages.get("briefing.units.status")));
        UnitRows.COLUMNS.forEach(key -> heads.add(labels.label(b, key)));
        heads.add(messages.get("briefing.units.rank"));
        heads.add(messages.get("briefing.units.rise"));
        header(sheet, s, heads.toArray(String[]::new));
        int r = 1;
        for (UnitFigures u : b.figures().units()) {
            Row row = sheet.createRow(r++);
            unitCells(row, u, s);
            int c = 3;
            for (String key : UnitRows.COLUMNS) {
                number(row, c++, u.get(key), TargetLines.indicator(key).money(), s);
            }
            Ranking.RankedUnit ranked = b.ranking().of(u.unit().code()).orElse(null);
            if (ranked != null) {
                row.createCell(c).setCellValue(ranked.rank());
                row.getCell(c).setCellStyle(s.count);
                if (b.previousMonth().isPresent() && ranked.rise() != null) {
                    row.createCell(c + 1).setCellValue(ranked.rise());
                    row.getCell(c + 1).setCellStyle(s.count);
                }
            }
        }
        Row total = sheet.createRow(r);
        text(total, 1, messages.get(b.figures().coverage().complete() ? "briefing.units.total.district"
                : "briefing.units.total.reported"), s);
        int c = 3;
        for (String key : UnitRows.COLUMNS) {
            number(total, c++, b.figures().district().get(key), TargetLines.indicator(key).money(), s);
        }
        widths(sheet, 14, 26, 12, 14, 14, 14, 14, 14, 18, 18, 18, 8, 8);
    }

    private void industries(Sheet sheet, Styles s, Briefing b) {
        header(sheet, s, messages.get("briefing.industry.name"), messages.get("briefing.industry.enterprises"),
                messages.get("briefing.industry.key"), messages.get("briefing.industry.cqo"), messages.get("briefing.industry.standards"));
        int r = 1;
        for (PeriodDetails.IndustryRow i : b.details().industries()) {
            Row row = sheet.createRow(r++);
            text(row, 0, i.industry().spelling(), s);
            number(row, 1, i.enterprises(), false, s);
            number(row, 2, i.keyEnterprises(), false, s);
            number(row, 3, i.cqo(), false, s);
            number(row, 4, i.standards(), false, s);
        }
        widths(sheet, 22, 16, 16, 20, 20);
    }

    private void honours(Sheet sheet, Styles s, Briefing b) {
        header(sheet, s, messages.get("briefing.honours.enterprise"), messages.get("briefing.honours.unit"),
                messages.get("briefing.honours.what"));
        int r = 1;
        for (PeriodDetails.Honour h : b.details().honours()) {
            Row row = sheet.createRow(r++);
            text(row, 0, h.enterprise(), s);
            text(row, 1, h.unit().name(), s);
            text(row, 2, sections.honourWords(h), s);
        }
        widths(sheet, 40, 26, 40);
    }

    private void notes(Sheet sheet, Styles s, Briefing b) {
        int r = 0;
        for (String line : notes.lines(b)) {
            for (String part : cellSized(line)) {
                text(sheet.createRow(r++), 0, part, s);
            }
        }
        widths(sheet, 120);
    }

    /**
     * {@code note} in pieces of at most Excel's 32,767 characters a cell, each on its own row: a
     * province's note lists thousands of shared enterprises. A piece ends after the last list
     * separator that fits, or else never between the two halves of a surrogate pair.
     */
    List<String> cellSized(String note) {
        int max = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (note.length() - start > max) {
            int end = start + max;
            int after = Math.max(after(note, messages.get("briefing.list.separator"), end),
                    after(note, messages.get("briefing.notes.separator"), end));
            if (after > start) {
                end = after;
            } else if (Character.isHighSurrogate(note.charAt(end - 1))) {
                end--;
            }
            parts.add(note.substring(start, end));
            start = end;
        }
        parts.add(note.substring(start));
        return parts;
    }

    /** Where the last {@code separator} that ends by {@code end} ends, or -1. */
    private static int after(String text, String separator, int end) {
        int at = text.lastIndexOf(separator, end - separator.length());
        return at < 0 ? -1 : at + separator.length();
    }

    /** Who reported and, per unit, the months its year to date lacks. */
    private void coverage(Sheet sheet, Styles s, Briefing b) {
        header(sheet, s, messages.get("summary.head.code"), messages.get("briefing.units.name"),
                messages.get("briefing.units.status"), messages.get("summary.head.missing_months"));
        Coverage coverage = b.figures().coverage();
        CoverageWords words = new CoverageWords(messages, wording);
        int r = 1;
        for (UnitFigures u : b.figures().units()) {
            Row row = sheet.createRow(r++);
            unitCells(row, u, s);
            List<cn.jintan.quality.domain.Period> gaps = coverage.missingMonths().getOrDefault(u.unit(), List.of());
            text(row, 3, gaps.isEmpty() ? messages.get("briefing.notes.none") : words.months(gaps), s);
        }
        text(sheet.createRow(r + 1), 1, messages.get("briefing.status.summary", coverage.unitsTotal(),
                coverage.reported().size()), s);
        widths(sheet, 14, 26, 12, 30);
    }

    // A percentage as a number; 持平, an absolute change, 口径不同 or "—" as the briefing words them.
    private void change(Row row, int column, Comparison comparison, boolean money, String unit, Styles s) {
        Change change = comparison.change();
        if (change != null && change.percent() != null) {
            percent(row, column, change.percent(), s);
        } else {
            text(row, column, wording.change(comparison, money, unit), s);
        }
    }

    private void header(Sheet sheet, Styles s, String... heads) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < heads.length; i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(heads[i]);
            cell.setCellStyle(s.head);
        }
        sheet.createFreezePane(0, 1);
    }

    // A string cell, never a formula, whatever the text starts with.
    /** The first three cells of a unit's row in the units and coverage sheets: code, name, status. */
    private void unitCells(Row row, UnitFigures u, Styles s) {
        text(row, 0, u.unit().code(), s);
        text(row, 1, u.unit().name(), s);
        text(row, 2, messages.get("briefing.units." + u.status()), s);
    }

    private static void text(Row row, int column, String value, Styles s) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value == null ? "" : value);
        cell.setCellStyle(s.text);
    }

    // No value (a unit or period without accepted data) is the text 未报送, never 0.
    private void number(Row row, int column, BigDecimal value, boolean money, Styles s) {
        if (value == null) {
            text(row, column, messages.get("briefing.value.missing"), s);
            return;
        }
        Cell cell = row.createCell(column);
        cell.setCellValue(value.doubleValue());
        cell.setCellStyle(money ? s.money : s.count);
    }

    private static void percent(Row row, int column, BigDecimal value, Styles s) {
        if (value != null) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value.movePointLeft(2).doubleValue());
            cell.setCellStyle(s.percent);
        }
    }

    private static void decimal1(Row row, int column, BigDecimal value, Styles s) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value.doubleValue());
        cell.setCellStyle(s.decimal1);
    }

    private static void widths(Sheet sheet, int... chars) {
        for (int i = 0; i < chars.length; i++) {
            sheet.setColumnWidth(i, chars[i] * 256);
        }
    }

    private static final class Styles {
        final CellStyle head;
        final CellStyle text;
        final CellStyle count;
        final CellStyle money;
        final CellStyle percent;
        final CellStyle decimal1;

        Styles(XSSFWorkbook wb) {
            var format = wb.createDataFormat();
            Font bold = wb.createFont();
            bold.setBold(true);
            head = wb.createCellStyle();
            head.setFont(bold);
            text = wb.createCellStyle();
            text.setDataFormat(format.getFormat("@"));
            count = wb.createCellStyle();
            count.setDataFormat(format.getFormat("#,##0"));
            money = wb.createCellStyle();
            money.setDataFormat(format.getFormat("#,##0.00"));
            percent = wb.createCellStyle();
            percent.setDataFormat(format.getFormat("+0.0%;-0.0%;0.0%"));
            decimal1 = wb.createCellStyle();
            decimal1.setDataFormat(format.getFormat("0.0"));
        }
    }
}
