package cn.jintan.quality.report;

import cn.jintan.quality.aggregate.Briefing;
import cn.jintan.quality.aggregate.Comparability;
import cn.jintan.quality.aggregate.Coverage;
import cn.jintan.quality.aggregate.PeriodDetails;
import cn.jintan.quality.domain.Unit;
import cn.jintan.quality.messages.Messages;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The data notes, one numbered sentence a line: units missing, rejected files and why (rule codes
 * as the short names of {@code rulename.*}), enterprises reported by two units, corrections,
 * the months missing from the year to date and every comparison not made, with why.
 */
final class DataNotes {

    private final Messages messages;
    private final CoverageWords coverage;

    DataNotes(Messages messages) {
        this.messages = messages;
        this.coverage = new CoverageWords(messages, new Wording(messages));
    }

    String of(Briefing briefing) {
        return String.join("\n", lines(briefing));
    }

    List<String> lines(Briefing briefing) {
        PeriodDetails d = briefing.details();
        String sep = messages.get("briefing.list.separator");
        return List.of(
                messages.get("briefing.notes.missing", list(briefing.figures().missingUnits(), Unit::name, sep)),
                messages.get("briefing.notes.rejected", list(d.rejections(), r -> messages.get("briefing.notes.rejected.item",
                        r.unit().name(), r.file(), r.version(), reasons(r.codes())), messages.get("briefing.notes.separator"))),
                messages.get("briefing.notes.duplicates", list(d.crossDuplicates(), c -> messages.get("briefing.notes.duplicates.item",
                        c.enterprise(), c.units().stream().map(Unit::name).collect(Collectors.joining(sep))), sep)),
                messages.get("briefing.notes.corrections", list(d.corrections(), c -> messages.get("briefing.notes.corrections.item",
                        c.unit().name(), c.version(), c.supersededByVersion()), sep)),
                messages.get("briefing.notes.ytd", ytdGaps(briefing)),
                messages.get("briefing.notes.comparisons", comparisons(briefing)));
    }

    /** Why a comparison was not made ({@code mom}, {@code yoy} or {@code yoy_ytd}). */
    String reason(Comparability basis, String which) {
        return coverage.reason(basis, which);
    }

    // The months each unit's year to date lacks, reporting or not (a unit that did not report lacks the period too).
    private String ytdGaps(Briefing briefing) {
        Coverage c = briefing.figures().coverage();
        return c.missingMonths().isEmpty() ? messages.get("briefing.notes.none")
                : messages.get("briefing.notes.ytd.items", coverage.gapList(c.missingMonths()));
    }

    private String comparisons(Briefing briefing) {
        List<String> reasons = new java.util.ArrayList<>();
        Comparability mom = briefing.monthOnMonthBasis();
        Comparability yoy = briefing.yearOnYearBasis();
        Comparability ytd = briefing.yearOnYearYtdBasis();
        if (!mom.comparable()) {
            reasons.add(reason(mom, "mom"));
        }
        if (!yoy.comparable()) {
            reasons.add(reason(yoy, "yoy"));
        }
        if (!ytd.comparable()) {
            reasons.add(reason(ytd, "yoy_ytd"));
        }
        return reasons.isEmpty() ? messages.get("briefing.notes.none")
                : String.join(messages.get("briefing.notes.separator"), reasons);
    }

    /** Rule codes as words; a code without a short name falls back to the code itself. */
    String reasons(List<String> codes) {
        return codes.stream().map(c -> messages.has("rulename." + c) ? messages.get("rulename." + c) : c)
                .collect(Collectors.joining(messages.get("briefing.list.separator")));
    }

    private <T> String list(List<T> items, Function<T, String> text, String separator) {
        return items.isEmpty() ? messages.get("briefing.notes.none")
                : items.stream().map(text).collect(Collectors.joining(separator));
    }
}
