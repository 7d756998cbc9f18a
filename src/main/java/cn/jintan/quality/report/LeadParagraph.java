package cn.jintan.quality.report;

import cn.jintan.quality.aggregate.Coverage;
import cn.jintan.quality.aggregate.PeriodFigures;
import cn.jintan.quality.domain.Indicator;
import cn.jintan.quality.messages.Messages;

import java.math.BigDecimal;

/**
 * The lead paragraph in the style of the seed article: stocks at month end, flows year to date.
 * A partial period is introduced as such and its sums are the reporting units', never 全区; a year
 * to date lacking months is marked (indicators.md, Coverage).
 */
final class LeadParagraph {

    private final Messages messages;
    private final Wording wording;
    private final CoverageWords coverageWords;

    LeadParagraph(Messages messages, Wording wording) {
        this.messages = messages;
        this.wording = wording;
        this.coverageWords = new CoverageWords(messages, wording);
    }

    String of(PeriodFigures figures) {
        Coverage coverage = figures.coverage();
        if (!coverage.anyReported()) {
            return messages.get("briefing.lead.none", coverage.unitsTotal(), wording.period(figures.period()));
        }
        String sums = messages.get("briefing.lead",
                figures.period().monthValue(),
                count(figures.district(Indicator.CQO_ENTERPRISES)),
                count(figures.district(Indicator.STD_NATIONAL)),
                count(figures.district(Indicator.STD_INDUSTRY)),
                count(figures.district(Indicator.STD_LOCAL)),
                coverageWords.ytdSpan(coverage),
                count(figures.districtYtd(Indicator.FINANCING_REGISTRATIONS)),
                amount(figures.districtYtd(Indicator.FINANCING_AMOUNT)),
                amount(figures.districtYtd(Indicator.FEE_RELIEF_UTILITIES)),
                amount(figures.districtYtd(Indicator.FEE_REFUND)),
                messages.get(coverage.complete() ? "briefing.scope.district" : "briefing.scope.reported"));
        return coverage.complete() ? sums
                : messages.get("briefing.lead.partial", coverage.unitsTotal(), coverage.reported().size()) + sums;
    }

    // Some unit reported, so an absent figure means no rows were aggregated, i.e. zero (see Indicator#aggregate).
    private String count(BigDecimal value) {
        return wording.plain(value == null ? BigDecimal.ZERO : value);
    }

    private String amount(BigDecimal value) {
        return wording.amount(value == null ? BigDecimal.ZERO : value);
    }
}
