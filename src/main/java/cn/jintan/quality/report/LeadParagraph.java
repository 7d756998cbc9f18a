package cn.jintan.quality.report;

import cn.jintan.quality.aggregate.PeriodFigures;
import cn.jintan.quality.domain.Indicator;
import cn.jintan.quality.messages.Messages;

import java.math.BigDecimal;

/** The lead paragraph in the style of the seed article: stocks at month end, flows year to date. */
final class LeadParagraph {

    private final Messages messages;
    private final Wording wording;

    LeadParagraph(Messages messages, Wording wording) {
        this.messages = messages;
        this.wording = wording;
    }

    String of(PeriodFigures figures) {
        return messages.get("briefing.lead",
                figures.period().monthValue(),
                count(figures.district(Indicator.CQO_ENTERPRISES)),
                count(figures.district(Indicator.STD_NATIONAL)),
                count(figures.district(Indicator.STD_INDUSTRY)),
                count(figures.district(Indicator.STD_LOCAL)),
                wording.ytdSpan(figures.period()),
                count(figures.districtYtd(Indicator.FINANCING_REGISTRATIONS)),
                amount(figures.districtYtd(Indicator.FINANCING_AMOUNT)),
                amount(figures.districtYtd(Indicator.FEE_RELIEF_UTILITIES)),
                amount(figures.districtYtd(Indicator.FEE_REFUND)));
    }

    // An absent figure means no rows were aggregated, i.e. zero (see Indicator#aggregate).
    private String count(BigDecimal value) {
        return wording.plain(value == null ? BigDecimal.ZERO : value);
    }

    private String amount(BigDecimal value) {
        return wording.amount(value == null ? BigDecimal.ZERO : value);
    }
}
