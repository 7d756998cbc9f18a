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
 * Rows of the units table: ranked units first, by rank, then the other units in registry order.
 * Field names are the figure keys of the columns, as formatted text (未报送 for a unit without
 * accepted data, never 0), plus rank and change of rank.
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
    private final Wording wording;

    UnitRows(Messages messages) {
        this.messages = messages;
        this.wording = new Wording(messages);
    }

    List<Map<String, ?>> of(Briefing briefing) {
        Ranking ranking = briefing.ranking();
        List<Map<String, ?>> rows = new ArrayList<>();
        for (Ranking.RankedUnit ranked : ranking.ranked()) {
            briefing.figures().units().stream().filter(u -> u.unit().equals(ranked.unit())).findFirst()
                    .ifPresent(u -> rows.add(row(u, Optional.of(ranked), ranking)));
        }
        // reporting units first (unranked when too few reported), then those without data
        briefing.figures().units().stream().filter(u -> u.reported() && ranking.of(u.unit().code()).isEmpty())
                .forEach(u -> rows.add(row(u, Optional.empty(), ranking)));
        briefing.figures().units().stream().filter(u -> !u.reported())
                .forEach(u -> rows.add(row(u, Optional.empty(), ranking)));
        return rows;
    }

    /** The district (or reporting units') total of each column, as the units table prints it. */
    Map<String, String> total(Briefing briefing) {
        Map<String, String> total = new HashMap<>();
        for (String key : COLUMNS) {
            total.put(key, wording.cell(briefing.figures().district().get(key), money(key)));
        }
        return total;
    }

    private Map<String, Object> row(UnitFigures unit, Optional<Ranking.RankedUnit> ranked, Ranking ranking) {
        Map<String, Object> row = new HashMap<>();
        row.put("name", unit.unit().name());
        row.put("status", messages.get("briefing.units." + unit.status()));
        row.put("alert", !unit.status().equals("accepted"));
        for (String key : COLUMNS) {
            row.put(key, wording.cell(unit.get(key), money(key)));
        }
        row.put("rank", ranked.map(r -> String.valueOf(r.rank())).orElse(""));
        row.put("rise", ranked.map(r -> rise(r, ranking)).orElse(""));
        return row;
    }

    static boolean money(String key) {
        return TargetLines.indicator(key).money();
    }

    /** ↑N / ↓N / 持平 / 新进; a dash only when last month had no ranking at all. */
    String rise(Ranking.RankedUnit ranked, Ranking ranking) {
        if (!ranking.previousRanked()) {
            return messages.get("briefing.rank.none");
        }
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
