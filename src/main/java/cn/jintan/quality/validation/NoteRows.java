package cn.jintan.quality.validation;

import cn.jintan.quality.workbook.CellValue;
import cn.jintan.quality.workbook.SheetRow;

import java.util.Map;

/**
 * Note and signature rows of a table sheet ({@code 填表说明：…}, {@code 注：…}, {@code 制表人：张三
 * 审核人：李四}): text starting with one of the spec's words, and no data in the required columns.
 * Called only for a row whose first text passed {@link #startsLikeANote}, so data rows pay one
 * character comparison.
 */
final class NoteRows {

    private static final String[] PREFIXES = {"填表说明", "说明", "注", "备注", "制表人", "填表人", "审核人", "联系人", "填报日期"};

    private NoteRows() {
    }

    /**
     * Whether the text starts like a note. A lone 注 must not run on into a word: 注：, 注1, 注释
     * and 注意 are notes, 注塑机械有限公司 is an enterprise.
     */
    static boolean startsLikeANote(String text) {
        if (text.isEmpty()) {
            return false;
        }
        switch (text.charAt(0)) {
            case '填', '说', '注', '备', '制', '审', '联' -> {
            }
            default -> {
                return false; // the usual data row
            }
        }
        for (String prefix : PREFIXES) {
            if (text.startsWith(prefix)) {
                if (prefix.length() > 1 || text.length() == 1) {
                    return true;
                }
                char next = text.charAt(1);
                return !Character.isLetter(next) || next == '释' || next == '意';
            }
        }
        return false;
    }

    /**
     * A row whose first text starts like a note is a note unless a required column other than
     * that cell holds data. Note text in other cells is no data, nor the value right after a
     * label such as {@code 制表人：} (a signature row laid out label | name).
     *
     * @param required per column index: a required column of the sheet
     */
    static boolean isNote(SheetRow row, int noteColumn, boolean[] required) {
        for (Map.Entry<Integer, CellValue> e : row.cells().entrySet()) {
            int column = e.getKey();
            if (column == noteColumn || column >= required.length || !required[column]) {
                continue;
            }
            if (!isNoteText(e.getValue()) && !isLabel(row.cell(column - 1))) {
                return false;
            }
        }
        return true;
    }

    /** {@code 制表人：} (NFKC made the colon half-width). */
    private static boolean isLabel(CellValue cell) {
        return isNoteText(cell) && cell.text().endsWith(":");
    }

    private static boolean isNoteText(CellValue cell) {
        return cell.kind() == CellValue.Kind.TEXT && startsLikeANote(cell.text());
    }
}
