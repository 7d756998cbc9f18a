package cn.jintan.quality.receipt;

import cn.jintan.quality.JsonFiles;
import cn.jintan.quality.PipelineProperties;
import cn.jintan.quality.domain.SubmissionSheet;
import cn.jintan.quality.domain.Unit;
import cn.jintan.quality.domain.UnitRegistry;
import cn.jintan.quality.store.StoredSubmission;
import cn.jintan.quality.store.SubmissionStatus;
import cn.jintan.quality.store.SubmissionStore;
import cn.jintan.quality.validation.Issue;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the receipt of a received file ({@code output/receipts/}), from what the store holds, so
 * that a receipt can be rewritten later (superseded) exactly as it was first written.
 */
@Component
public class ReceiptWriter {

    private final Path folder;
    private final UnitRegistry registry;
    private final SubmissionStore store;
    private final JsonFiles json;

    ReceiptWriter(PipelineProperties properties, UnitRegistry registry, SubmissionStore store, JsonFiles json) {
        this.folder = properties.output().resolve("receipts");
        this.registry = registry;
        this.store = store;
        this.json = json;
    }

    public Path write(StoredSubmission s) {
        Path file = path(s);
        json.write(file, content(s));
        return file;
    }

    /**
     * {@code receipts/YYYY-MM/UNITCODE-YYYY-MM-vN.json}; a duplicate gets {@code -dupID} after the
     * version it repeats; a file without unit or period goes to {@code receipts/unknown/}.
     */
    Path path(StoredSubmission s) {
        String dup = s.status() == SubmissionStatus.DUPLICATE ? "-dup" + s.id() : "";
        if (s.unitCode() == null || s.period() == null || s.version() == null) {
            return folder.resolve("unknown").resolve(s.sha256().substring(0, 16) + dup + ".json");
        }
        return folder.resolve(s.period()).resolve(s.unitCode() + "-" + s.period() + "-v" + s.version() + dup + ".json");
    }

    private Map<String, Object> content(StoredSubmission s) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("file", s.fileName());
        r.put("sha256", s.sha256());
        r.put("received_at", s.receivedAt().toString());
        r.put("unit", s.unitCode() == null ? null : registry.byCode(s.unitCode()).map(Unit::name).orElse(s.unitCode()));
        r.put("unit_code", s.unitCode());
        r.put("period", s.period());
        r.put("version", s.version());
        r.put("status", s.status().json());
        if (s.supersededBy() != null) {
            r.put("superseded_by", store.find(s.supersededBy()).map(StoredSubmission::sha256).orElse(null));
        }
        if (s.duplicateOf() != null) {
            store.find(s.duplicateOf()).ifPresent(o -> r.put("duplicate_of", Map.of("file", o.fileName(), "sha256", o.sha256())));
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put(SubmissionSheet.QUALITY.sheetName(), s.rowsQuality());
        counts.put(SubmissionSheet.FINANCING.sheetName(), s.rowsFinancing());
        counts.put(SubmissionSheet.FEES.sheetName(), s.rowsFees());
        r.put("counts", counts);
        List<Map<String, Object>> issues = store.issues(s.id()).stream().map(ReceiptWriter::issue).toList();
        r.put("issues", issues);
        return r;
    }

    private static Map<String, Object> issue(Issue i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("severity", i.severity().name());
        m.put("code", i.code());
        m.put("sheet", i.sheet());
        m.put("cell", i.cell());
        m.put("row", i.row());
        m.put("column", i.column());
        m.put("value", i.value());
        m.put("message", i.message());
        return m;
    }
}
