package cn.jintan.quality.validation;

import cn.jintan.quality.messages.Messages;

import java.util.Arrays;

/**
 * The entirely blank rows of one table sheet, as runs of 0-based row indexes, for the one
 * {@code row.blank} issue of the sheet. A run counts only once a data row follows it: blank rows
 * after the last data row (formatted but empty rows at the end of the used range) are no news.
 * Runs, not rows, so a gap of a million rows the file does not store costs two ints.
 */
final class BlankRows {

    /** Runs named in the message; the rest are summed up in the count. */
    private static final int LISTED_RUNS = 20;

    private int[] runs = new int[8]; // first, last, first, last...
    private int size;      // ints used
    private int confirmed; // ints of the runs with data below them

    /** Rows {@code first..last} (0-based, inclusive) hold nothing. */
    void add(int first, int last) {
        if (size > confirmed && runs[size - 1] + 1 == first) {
            runs[size - 1] = last; // extends the pending run
            return;
        }
        if (size == runs.length) {
            runs = Arrays.copyOf(runs, size * 2);
        }
        runs[size++] = first;
        runs[size++] = last;
    }

    /** A data row was read: the blank rows so far lie inside the data. */
    void dataFollows() {
        confirmed = size;
    }

    boolean any() {
        return confirmed > 0;
    }

    /** The first blank row inside the data, as Excel numbers it. */
    int firstRowNumber() {
        return runs[0] + 1;
    }

    /** How many rows inside the data are blank. */
    long count() {
        long n = 0;
        for (int i = 0; i < confirmed; i += 2) {
            n += runs[i + 1] - runs[i] + 1;
        }
        return n;
    }

    /** Excel row numbers as the message lists them: {@code 5、9}, {@code 5至7、9}, then 等 after twenty runs. */
    String listed(Messages messages) {
        String separator = messages.get("rule.row.blank.separator");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < confirmed; i += 2) {
            if (i == 2 * LISTED_RUNS) {
                b.append(messages.get("rule.row.blank.more"));
                break;
            }
            if (i > 0) {
                b.append(separator);
            }
            int first = runs[i] + 1;
            int last = runs[i + 1] + 1;
            b.append(first == last ? Integer.toString(first) : messages.get("rule.row.blank.run", first, last));
        }
        return b.toString();
    }
}
