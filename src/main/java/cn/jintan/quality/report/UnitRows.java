package cn.jintan.quality.report;

import cn.jintan.quality.aggregate.Briefing;
import cn.jintan.quality.aggregate.PeriodFigures.UnitFigures;
import cn.jintan.quality.aggregate.Ranking;
import cn.jintan.quality.domain.Indicator;
import cn.jintan.quality.messages.Messages;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rows of the units table: ranked units first, by rank, then the units without accepted data in
 * registry order. Field names are the figure keys of the columns, plus rank and change of rank.
 */
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

    List<Map<String, ?>> of(Briefing briefing) {
        Ranking ranking = briefing.ranking();
        List<Map<String, ?>> rows = new ArrayList<>();
        for (Ranking.RankedUnit ranked : ranking.ranked()) {
            briefing.figures().units().stream().filter(u -> u.unit().equals(ranked.unit())).findFirst()
                    .ifPresent(u -> rows.add(row(u, Optional.of(ranked), briefing.previousMonth().isPresent())));
        }
        briefing.figures().units().stream().filter(u -> ranking.of(u.unit().code()).isEmpty())
                .forEach(u -> rows.add(row(u, Optional.empty(), false)));
        return rows;
    }

    // Without a previous month there is no change of rank to show, only a dash.
    private Map<String, Object> row(UnitFigures unit, Optional<Ranking.RankedUnit> ranked, boolean comparable) {
        Map<String, Object> row = new HashMap<>();
        row.put("name", unit.unit().name());
        row.put("status", messages.get("briefing.units." + unit.status()));
        row.put("alert", !unit.status().equals("accepted"));
        for (String key : COLUMNS) {
            row.put(key, unit.figures().get(key));
        }
        row.put("rank", ranked.map(r -> String.valueOf(r.rank())).orElse(""));
        row.put("rise", ranked.map(r -> comparable ? rise(r) : messages.get("briefing.rank.same")).orElse(""));
        return row;
    }

    String rise(Ranking.RankedUnit ranked) {
        Integer rise = ranked.rise();
        if (rise == null) {
            return messages.get("briefing.rank.new");
        }
        if (rise == 0) {
            return messages.get("briefing.rank.same");
        }
        return rise > 0 ? messages.get("briefing.rank.up", rise) : messages.get("briefing.rank.down", -rise);
    }
}
