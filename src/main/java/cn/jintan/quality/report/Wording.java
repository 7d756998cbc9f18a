package cn.jintan.quality.report;

import cn.jintan.quality.aggregate.Change;
import cn.jintan.quality.domain.Period;
import cn.jintan.quality.messages.Messages;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

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
     * A change as a signed percentage with one decimal (+7.1%, -2.0%), 持平 when nothing changed,
     * and a dash when there is nothing to compare with (no such period, or a zero base).
     */
    String change(Optional<Change> change) {
        if (change.isEmpty()) {
            return messages.get("briefing.change.none");
        }
        if (change.get().delta().signum() == 0) {
            return messages.get("briefing.change.flat");
        }
        BigDecimal percent = change.get().percent();
        if (percent == null) {
            return messages.get("briefing.change.none");
        }
        return percent.signum() > 0
                ? messages.get("briefing.change.up", percent.toPlainString())
                : messages.get("briefing.change.down", percent.toPlainString());
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
