package cn.jintan.quality.report;

import cn.jintan.quality.aggregate.Briefing;
import cn.jintan.quality.aggregate.PeriodDetails;
import cn.jintan.quality.domain.Indicator;
import cn.jintan.quality.domain.RegistrationType;
import cn.jintan.quality.messages.Messages;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Rows of the later sections: industry chains, honours, and the data of the three charts. */
final class SectionRows {

    private final Messages messages;

    SectionRows(Messages messages) {
        this.messages = messages;
    }

    List<Map<String, ?>> industries(Briefing briefing) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (PeriodDetails.IndustryRow r : briefing.details().industries()) {
            Map<String, Object> row = new HashMap<>();
            row.put("name", r.industry().spelling());
            row.put("enterprises", r.enterprises());
            row.put("key", r.keyEnterprises());
            row.put("cqo", r.cqo());
            row.put("standards", r.standards());
            rows.add(row);
        }
        return rows;
    }

    List<Map<String, ?>> honours(Briefing briefing) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (PeriodDetails.Honour h : briefing.details().honours()) {
            Map<String, Object> row = new HashMap<>();
            row.put("enterprise", h.enterprise());
            row.put("unit", h.unit().name());
            row.put("what", honourWords(h));
            rows.add(row);
        }
        return rows;
    }

    String honourWords(PeriodDetails.Honour h) {
        List<String> words = new ArrayList<>();
        if (h.boutique()) {
            words.add(messages.get("briefing.honour.boutique"));
        }
        if (h.standardLeader()) {
            words.add(messages.get("briefing.honour.leader"));
        }
        if (!"NONE".equals(h.award())) {
            words.add(messages.get("briefing.honour.award." + h.award()));
        }
        return String.join(messages.get("briefing.list.separator"), words);
    }

    /** Bar chart: financing amount year to date per reporting unit, in registry order (no bar of 0 for the others). */
    List<Map<String, ?>> amountByUnit(Briefing briefing) {
        String series = messages.get("briefing.chart.amount.series");
        return briefing.figures().units().stream().filter(u -> u.reported()).<Map<String, ?>>map(u -> point(series,
                u.unit().name(), u.get(Indicator.FINANCING_AMOUNT.ytdKey()))).toList();
    }

    /** Registrations by type, year to date; a type without registrations gets no slice (and no "0" label). */
    List<Map<String, ?>> registrationsByType(Briefing briefing) {
        Map<RegistrationType, Indicator> byType = Map.of(
                RegistrationType.MORTGAGE, Indicator.FINANCING_REGISTRATIONS_MORTGAGE,
                RegistrationType.EQUITY, Indicator.FINANCING_REGISTRATIONS_EQUITY,
                RegistrationType.IP, Indicator.FINANCING_REGISTRATIONS_IP,
                RegistrationType.OTHER, Indicator.FINANCING_REGISTRATIONS_OTHER);
        List<Map<String, ?>> rows = new ArrayList<>();
        for (RegistrationType type : RegistrationType.values()) {
            BigDecimal v = briefing.figures().districtYtd(byType.get(type));
            if (v != null && v.signum() > 0) {
                rows.add(point("", type.spelling(), v));
            }
        }
        return rows;
    }

    /**
     * Line chart: each month's financing this year against last year; a month without data has no
     * point (null), a month only some units reported is marked (3*), see {@link #trendNote}.
     */
    List<Map<String, ?>> monthlyTrend(Briefing briefing) {
        int year = briefing.figures().period().year();
        String thisYear = messages.get("briefing.chart.year", year);
        String lastYear = messages.get("briefing.chart.year", year - 1);
        List<Map<String, ?>> rows = new ArrayList<>();
        for (Briefing.MonthlyAmount m : briefing.monthlyFinancing()) {
            String month = messages.get(m.thisYearPartial() || m.lastYearPartial() ? "briefing.chart.month.partial"
                    : "briefing.chart.month", m.month());
            rows.add(point(lastYear, month, m.lastYear()));
            rows.add(point(thisYear, month, m.thisYear()));
        }
        return rows;
    }

    /** The footnote of the trend chart when a month is marked, else null. */
    String trendNote(Briefing briefing) {
        return briefing.monthlyFinancing().stream().anyMatch(m -> m.thisYearPartial() || m.lastYearPartial())
                ? messages.get("briefing.chart.trend.note") : null;
    }

    private static Map<String, ?> point(String series, String category, BigDecimal value) {
        Map<String, Object> row = new HashMap<>();
        row.put("series", series);
        row.put("category", category);
        row.put("value", value);
        return row;
    }
}
