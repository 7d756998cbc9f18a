package cn.jintan.quality.report;

import cn.jintan.quality.aggregate.PeriodFigures;
import cn.jintan.quality.domain.Unit;
import cn.jintan.quality.messages.Messages;
import net.sf.jasperreports.engine.util.JRStringUtil;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The reporting sentence of a briefing (who reported, who did not) as JasperReports "styled" markup, so that the names of units
 * missing or rejected stand out in red while the rest of the sentence stays plain.
 */
final class ReportingSentence {

    static final String ALERT_COLOUR = "#D40000";
    private static final String PLACEHOLDER = "{names}";

    private final Messages messages;

    ReportingSentence(Messages messages) {
        this.messages = messages;
    }

    String styled(PeriodFigures figures) {
        StringBuilder text = new StringBuilder(JRStringUtil.xmlEncode(messages.get("briefing.status.summary",
                figures.units().size(), figures.acceptedUnits().size())));
        appendNames(text, "briefing.status.missing", figures.missingUnits());
        appendNames(text, "briefing.status.rejected", figures.rejectedUnits());
        return text.toString();
    }

    private void appendNames(StringBuilder text, String key, List<Unit> units) {
        if (units.isEmpty()) {
            return;
        }
        String names = units.stream()
                .map(u -> "<style forecolor=\"" + ALERT_COLOUR + "\">" + JRStringUtil.xmlEncode(u.name()) + "</style>")
                .collect(Collectors.joining(messages.get("briefing.list.separator")));
        // Escape the catalogue's sentence, then put the (already marked-up) names in its place.
        text.append(JRStringUtil.xmlEncode(messages.get(key, PLACEHOLDER)).replace(PLACEHOLDER, names));
    }
}
