package cn.jintan.quality.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A reporting month, written {@code 2020-11}. */
public record Period(YearMonth month) implements Comparable<Period> {

    // 2020-11, 2020/11, 2020.11, 2020年11月, 2020年11月份 (input is already NFKC-normalised)
    private static final Pattern TEXT = Pattern.compile("(\\d{4})\\s*(?:[-/.]|年)\\s*(\\d{1,2})\\s*(?:月份?)?");

    public static Period of(int year, int month) {
        return new Period(YearMonth.of(year, month));
    }

    /** Parses the spellings staff use for a month; empty when it cannot be read. */
    public static Optional<Period> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = TEXT.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        int month = Integer.parseInt(m.group(2));
        if (month < 1 || month > 12) {
            return Optional.empty();
        }
        return Optional.of(of(Integer.parseInt(m.group(1)), month));
    }

    public static Period of(LocalDate date) {
        return new Period(YearMonth.from(date));
    }

    public int year() {
        return month.getYear();
    }

    public int monthValue() {
        return month.getMonthValue();
    }

    public Period previous() {
        return new Period(month.minusMonths(1));
    }

    public Period sameMonthLastYear() {
        return new Period(month.minusYears(1));
    }

    public Period januaryOfYear() {
        return of(year(), 1);
    }

    public boolean contains(LocalDate date) {
        return YearMonth.from(date).equals(month);
    }

    @Override
    public int compareTo(Period o) {
        return month.compareTo(o.month);
    }

    @Override
    public String toString() {
        return month.toString();
    }
}
