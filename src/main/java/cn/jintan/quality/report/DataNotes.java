package cn.jintan.quality.report;

import cn.jintan.quality.aggregate.Briefing;
import cn.jintan.quality.aggregate.PeriodDetails;
import cn.jintan.quality.domain.Unit;
import cn.jintan.quality.messages.Messages;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The data notes, one numbered sentence a line: units missing, rejected files and why (rule codes
 * as the short names of {@code rulename.*}), enterprises reported by two units, corrections.
 */
final class DataNotes {

    private final Messages messages;

    DataNotes(Messages messages) {
        this.messages = messages;
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
                        c.unit().name(), c.version(), c.supersededByVersion()), sep)));
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
