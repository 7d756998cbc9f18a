package cn.jintan.quality.report;

import cn.jintan.quality.aggregate.Change;
import cn.jintan.quality.aggregate.Comparison;
import cn.jintan.quality.domain.Period;
import cn.jintan.quality.messages.Messages;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Figures, dates and periods as Chinese running text prints them (no thousands separators). */
final class Wording {

    private static final BigDecimal WAN_PER_YI = BigDecimal.valueOf(10_000);

    private final Messages messages;

    Wording(Messages messages) {
        this.messages = messages;
    }

    /**
     * An amount given in 万元: in 亿元 from 1 亿元 on (briefing.md), otherwise in 万元. Never
     * rounded, so the words equal the figures (667500.00 → 66.75亿元, 10640.00 → 1.064亿元);
     * trailing zeros are dropped (9800.50 → 9800.5万元).
     */
    String amount(BigDecimal wan) {
        if (wan.compareTo(WAN_PER_YI) >= 0) {
            return messages.get("briefing.amount.yi", plain(wan.movePointLeft(4)));
        }
        return messages.get("briefing.amount.wan", plain(wan));
    }

    /** A count or any figure without its unit, trailing zeros dropped. */
    String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    /** The year-to-date span of a period: 1-11月, or just 1月 in January. */
    String ytdSpan(Period period) {
        return period.monthValue() == 1
                ? messages.get("briefing.ytd.january")
                : messages.get("briefing.ytd", period.monthValue());
    }

    /**
     * 环比 or 同比 as a cell prints it (indicators.md, Coverage): a signed percentage with one decimal
     * (+7.1%, -2.0%); 持平 when nothing changed; the absolute change with its unit when the base is
     * zero (+1家); 口径不同 when the periods are not like for like; a dash only when the other period
     * has no data.
     */
    String change(Comparison comparison, boolean money, String unit) {
        return switch (comparison.kind()) {
            case NO_DATA -> messages.get("briefing.change.none");
            case NOT_LIKE_FOR_LIKE -> messages.get("briefing.change.different");
            case COMPARABLE -> change(comparison.change(), money, unit);
        };
    }

    private String change(Change change, boolean money, String unit) {
        if (change.flat()) {
            return messages.get("briefing.change.flat");
        }
        BigDecimal percent = change.percent();
        if (percent == null) {
            String delta = money ? grouped(change.delta(), true) : plain(change.delta());
            return change.delta().signum() > 0
                    ? messages.get("briefing.change.absolute.up", delta, unit)
                    : messages.get("briefing.change.absolute.down", delta, unit);
        }
        return percent.signum() > 0
                ? messages.get("briefing.change.up", percent.toPlainString())
                : messages.get("briefing.change.down", percent.toPlainString());
    }

    /** A figure as a table cell prints it (#,##0 or #,##0.00), 未报送 where there is none. */
    String cell(BigDecimal value, boolean money) {
        return value == null ? messages.get("briefing.value.missing") : grouped(value, money);
    }

    private static String grouped(BigDecimal value, boolean money) {
        java.text.DecimalFormat format = new java.text.DecimalFormat(money ? "#,##0.00" : "#,##0",
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
        format.setRoundingMode(java.math.RoundingMode.HALF_UP);
        return format.format(value);
    }

    /** A figure with its unit as running text: amounts in 万元/亿元, counts with their measure word. */
    String withUnit(BigDecimal value, boolean money, String unit) {
        return money ? amount(value) : messages.get("briefing.amount.count", plain(value), unit);
    }

    String period(Period period) {
        return messages.get("briefing.period", period.year(), period.monthValue());
    }

    String date(LocalDate date) {
        return messages.get("briefing.date", date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }
}
