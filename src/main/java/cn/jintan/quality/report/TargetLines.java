package cn.jintan.quality.report;

import cn.jintan.quality.aggregate.Briefing;
import cn.jintan.quality.aggregate.TargetProgress;
import cn.jintan.quality.domain.Indicator;
import cn.jintan.quality.messages.Messages;

import java.util.List;
import java.util.stream.Collectors;

/** One sentence per annual target: 完成年度目标的85.0%，低于序时进度(91.7%)6.7个百分点. */
final class TargetLines {

    private final Messages messages;
    private final Wording wording;

    TargetLines(Messages messages, Wording wording) {
        this.messages = messages;
        this.wording = wording;
    }

    /** The sentences, one a line; empty when the year has no target. */
    String of(Briefing briefing) {
        return lines(briefing).stream().collect(Collectors.joining("\n"));
    }

    List<String> lines(Briefing briefing) {
        return briefing.targets().stream().map(t -> line(briefing, t)).toList();
    }

    String label(Briefing briefing, String key) {
        Indicator indicator = indicator(key);
        String label = messages.get("indicator." + indicator.key());
        return key.equals(indicator.key()) ? label
                : messages.get("briefing.target.ytd_label", label, wording.ytdSpan(briefing.figures().period()));
    }

    private String line(Briefing briefing, TargetProgress t) {
        Indicator indicator = indicator(t.key());
        String unit = messages.get("indicator." + indicator.key() + ".unit");
        String schedule = t.schedule().toPlainString();
        String versus = switch (t.gap().signum()) {
            case -1 -> messages.get("briefing.target.below", schedule, t.gap().negate().toPlainString());
            case 1 -> messages.get("briefing.target.above", schedule, t.gap().toPlainString());
            default -> messages.get("briefing.target.even", schedule);
        };
        var coverage = briefing.figures().coverage();
        String label = coverage.complete() ? label(briefing, t.key()) // a partial sum is said to be one
                : messages.get("briefing.target.partial", label(briefing, t.key()), coverage.unitsTotal(), coverage.reported().size());
        return messages.get("briefing.target.line", label,
                wording.withUnit(t.actual(), indicator.money(), unit),
                wording.withUnit(t.target(), indicator.money(), unit),
                t.completion().toPlainString(), versus);
    }

    static Indicator indicator(String key) {
        for (Indicator i : Indicator.values()) {
            if (i.key().equals(key) || i.ytdKey().equals(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown figure key " + key);
    }
}
