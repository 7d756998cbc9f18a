package cn.jintan.quality.report;

import cn.jintan.quality.JsonFiles;
import cn.jintan.quality.aggregate.PeriodFigures;
import cn.jintan.quality.domain.Unit;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code figures-YYYY-MM.json}: the contract other systems read (outputs.md). */
final class FiguresJsonWriter {

    private final JsonFiles json;

    FiguresJsonWriter(JsonFiles json) {
        this.json = json;
    }

    /** {@code issue_date}: the briefing's date, kept from its first issue (an added key, like outputs.md allows). */
    void write(PeriodFigures figures, OffsetDateTime generatedAt, LocalDate issueDate, Path file) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("period", figures.period().toString());
        root.put("generated_at", generatedAt.toString());
        root.put("issue_date", issueDate.toString());
        root.put("district", figures.district());
        root.put("units", figures.units().stream().map(u -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", u.unit().code());
            m.put("name", u.unit().name());
            m.put("status", u.status());
            m.put("figures", u.figures());
            return m;
        }).toList());
        root.put("missing_units", figures.missingUnits().stream().map(Unit::name).toList());
        root.put("rejected_units", figures.rejectedUnits().stream().map(Unit::name).toList());
        List<Map<String, Object>> submissions = figures.submissions().stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("unit", s.unit().name());
            m.put("file", s.file());
            m.put("sha256", s.sha256());
            m.put("version", s.version());
            m.put("status", s.status());
            return m;
        }).toList();
        root.put("submissions", submissions);
        json.write(file, root);
    }
}
