package cn.jintan.quality.report;

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

    String period(Period period) {
        return messages.get("briefing.period", period.year(), period.monthValue());
    }

    String date(LocalDate date) {
        return messages.get("briefing.date", date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }
}
