package cn.jintan.quality.report;

import cn.jintan.quality.aggregate.PeriodFigures;
import cn.jintan.quality.aggregate.PeriodFigures.UnitFigures;
import cn.jintan.quality.domain.Indicator;
import cn.jintan.quality.messages.Messages;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Rows of the units table, in registry order; field names are the figure keys of the columns. */
final class UnitRows {

    /** The figure keys shown as columns, stocks at month end and flows year to date. */
    static final List<String> COLUMNS = List.of(
            Indicator.CQO_ENTERPRISES.key(),
            Indicator.KEY_ENTERPRISES.key(),
            Indicator.STD_NATIONAL.key(),
            Indicator.STD_INDUSTRY.key(),
            Indicator.STD_LOCAL.key(),
            Indicator.FINANCING_REGISTRATIONS.ytdKey(),
            Indicator.FINANCING_AMOUNT.ytdKey(),
            Indicator.FEE_RELIEF_UTILITIES.ytdKey());

    private final Messages messages;

    UnitRows(Messages messages) {
        this.messages = messages;
    }

    List<Map<String, ?>> of(PeriodFigures figures) {
        return figures.units().stream().<Map<String, ?>>map(this::row).toList();
    }

    private Map<String, Object> row(UnitFigures unit) {
        Map<String, Object> row = new HashMap<>();
        row.put("name", unit.unit().name());
        row.put("status", messages.get("briefing.units." + unit.status()));
        row.put("alert", !unit.status().equals("accepted"));
        for (String key : COLUMNS) {
            row.put(key, unit.figures().get(key));
        }
        return row;
    }
}
