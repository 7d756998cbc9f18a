package cn.jintan.quality.report;

import cn.jintan.quality.aggregate.Briefing;
import cn.jintan.quality.aggregate.PeriodFigures;
import cn.jintan.quality.domain.Indicator;
import cn.jintan.quality.messages.Messages;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows of the key-figures subreport: every indicator of the dictionary, grouped by kind. A stock
 * shows its month-end value; a flow shows the month and the year to date. Each row carries its
 * 环比 and 同比 (a dash where the other period has no accepted data).
 */
final class KeyFigureRows {

    private final Messages messages;
    private final Wording wording;

    KeyFigureRows(Messages messages, Wording wording) {
        this.messages = messages;
        this.wording = wording;
    }

    List<Map<String, ?>> of(Briefing briefing) {
        PeriodFigures figures = briefing.figures();
        int month = figures.period().monthValue();
        List<Map<String, ?>> rows = new ArrayList<>();
        for (Indicator indicator : Indicator.values()) {
            boolean stock = indicator.kind() == Indicator.Kind.STOCK;
            Map<String, Object> row = new HashMap<>();
            row.put("section", indicator.kind().name());
            row.put("sectionTitle", stock
                    ? messages.get("briefing.figures.stock", month)
                    : messages.get("briefing.figures.flow"));
            row.put("head1", stock ? messages.get("briefing.figures.value", month) : messages.get("briefing.figures.month"));
            row.put("head2", stock ? "" : messages.get("briefing.figures.ytd", wording.ytdSpan(figures.period())));
            row.put("headMom", messages.get("briefing.figures.mom"));
            row.put("headYoy", messages.get("briefing.figures.yoy"));
            row.put("label", messages.get("indicator." + indicator.key()));
            row.put("unit", messages.get("indicator." + indicator.key() + ".unit"));
            row.put("value1", orZero(figures.district(indicator)));
            row.put("value2", stock ? null : orZero(figures.districtYtd(indicator)));
            row.put("mom", wording.change(briefing.monthOnMonth(indicator)));
            row.put("yoy", wording.change(briefing.yearOnYear(indicator)));
            row.put("pattern", indicator.money() ? "#,##0.00" : "#,##0");
            rows.add(row);
        }
        return rows;
    }

    // An absent district figure means no rows were aggregated, i.e. zero, as in the lead paragraph.
    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
