package cn.jintan.quality.report;

import cn.jintan.quality.aggregate.Briefing;
import cn.jintan.quality.aggregate.Coverage;
import cn.jintan.quality.aggregate.PeriodFigures;
import cn.jintan.quality.domain.Indicator;
import cn.jintan.quality.messages.Messages;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows of the key-figures subreport: every indicator of the dictionary, grouped by kind. A stock
 * shows its month-end value; a flow shows the month and the year to date (its head marked when
 * months are missing). Each row carries its 环比 and 同比 as {@link Wording#change} words them.
 * Section titles say when the sums are the reporting units' only.
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
        Coverage coverage = figures.coverage();
        boolean partial = !coverage.complete();
        int month = figures.period().monthValue();
        String ytd = wording.ytdSpan(figures.period());
        List<Map<String, ?>> rows = new ArrayList<>();
        for (Indicator indicator : Indicator.values()) {
            boolean stock = indicator.kind() == Indicator.Kind.STOCK;
            String unit = messages.get("indicator." + indicator.key() + ".unit");
            Map<String, Object> row = new HashMap<>();
            row.put("section", indicator.kind().name());
            row.put("sectionTitle", stock
                    ? messages.get(partial ? "briefing.figures.stock.partial" : "briefing.figures.stock", month)
                    : messages.get(partial ? "briefing.figures.flow.partial" : "briefing.figures.flow"));
            row.put("head1", stock ? messages.get("briefing.figures.value", month) : messages.get("briefing.figures.month"));
            row.put("head2", stock ? "" : messages.get(coverage.ytdGaps().isEmpty() ? "briefing.figures.ytd"
                    : "briefing.figures.ytd.marked", ytd));
            row.put("headMom", messages.get("briefing.figures.mom"));
            row.put("headYoy", messages.get("briefing.figures.yoy"));
            row.put("label", messages.get("indicator." + indicator.key()));
            row.put("unit", unit);
            row.put("value1", wording.cell(figures.district(indicator), indicator.money()));
            row.put("value2", stock ? null : wording.cell(figures.districtYtd(indicator), indicator.money()));
            row.put("mom", wording.change(briefing.monthOnMonth(indicator), indicator.money(), unit));
            row.put("yoy", wording.change(briefing.yearOnYear(indicator), indicator.money(), unit));
            rows.add(row);
        }
        return rows;
    }
}
