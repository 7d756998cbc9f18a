package cn.jintan.quality.report;

import cn.jintan.quality.aggregate.Comparability;
import cn.jintan.quality.aggregate.Coverage;
import cn.jintan.quality.domain.Period;
import cn.jintan.quality.domain.Unit;
import cn.jintan.quality.messages.Messages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Coverage in words (indicators.md, Coverage): the year to date span marked with the months it
 * lacks, month lists as Chinese writes them (1-3、7月), and why a comparison was not made.
 */
final class CoverageWords {

    /** Up to this many units the gaps are named in the marker; beyond, counted and left to the notes. */
    static final int NAMED_UNITS = 3;

    private final Messages messages;
    private final Wording wording;

    CoverageWords(Messages messages, Wording wording) {
        this.messages = messages;
        this.wording = wording;
    }

    /** The year to date span, marked when a unit in the sums lacks months: 1-11月（缺金城镇3月）. */
    String ytdSpan(Coverage coverage) {
        String span = wording.ytdSpan(coverage.period());
        Map<Unit, List<Period>> gaps = coverage.ytdGaps();
        if (gaps.isEmpty()) {
            return span;
        }
        if (gaps.size() > NAMED_UNITS) {
            int months = gaps.values().stream().mapToInt(List::size).sum();
            return messages.get("briefing.ytd.gaps.many", span, gaps.size(), months);
        }
        return messages.get("briefing.ytd.gaps", span, gapList(gaps));
    }

    /** One unit's year to date span, marked with its own missing months: 1-11月（缺3月）. */
    String ytdSpan(Period period, List<Period> missing) {
        String span = wording.ytdSpan(period);
        return missing.isEmpty() ? span : messages.get("briefing.ytd.gaps", span, months(missing));
    }

    /** 金城镇3月、直溪镇1-9月. */
    String gapList(Map<Unit, List<Period>> gaps) {
        return gaps.entrySet().stream().map(e -> e.getKey().name() + months(e.getValue()))
                .collect(Collectors.joining(messages.get("briefing.list.separator")));
    }

    /** Months of one year as ranges: 1-3、7月. */
    String months(List<Period> months) {
        return monthNumbers(months.stream().map(Period::monthValue).sorted().toList());
    }

    String monthNumbers(List<Integer> months) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < months.size()) {
            int j = i;
            while (j + 1 < months.size() && months.get(j + 1) == months.get(j) + 1) {
                j++;
            }
            parts.add(j > i ? months.get(i) + "-" + months.get(j) : String.valueOf(months.get(i)));
            i = j + 1;
        }
        return messages.get("briefing.months", String.join(messages.get("briefing.list.separator"), parts));
    }

    /** Why a comparison ({@code mom}, {@code yoy}, {@code yoy_ytd}) was not made, one sentence part. */
    String reason(Comparability basis, String which) {
        String what = messages.get("briefing.reason." + which, wording.period(basis.other()));
        if (basis.kind() == Comparability.Kind.NO_DATA) {
            return messages.get("briefing.reason.no_data", what, wording.period(basis.other()));
        }
        List<String> parts = new ArrayList<>();
        if (!basis.onlyNow().isEmpty()) {
            parts.add(messages.get("briefing.reason.only_now", items(basis.onlyNow())));
        }
        if (!basis.onlyThen().isEmpty()) {
            parts.add(messages.get("briefing.reason.only_then", items(basis.onlyThen()), wording.period(basis.other())));
        }
        return messages.get("briefing.reason.different", what, String.join(messages.get("briefing.list.separator"), parts));
    }

    private String items(List<Comparability.UnitMonths> items) {
        return items.stream().map(i -> i.months().isEmpty() ? i.unit().name() : i.unit().name() + monthNumbers(i.months()))
                .collect(Collectors.joining(messages.get("briefing.list.separator")));
    }
}
