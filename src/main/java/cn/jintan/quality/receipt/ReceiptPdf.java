package cn.jintan.quality.receipt;

import cn.jintan.quality.messages.Messages;
import cn.jintan.quality.store.SubmissionStatus;
import cn.jintan.quality.validation.Issue;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import cn.jintan.quality.report.Templates;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders a {@link Receipt} as a PDF for the staff member who sent the file: the status in words,
 * what it means, what to do next, rows read and every problem (errors first). The template is
 * compiled once per process; a renderer is safe to share between threads.
 */
public final class ReceiptPdf {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Messages messages = Messages.catalogue();
    private final String issuer;
    private final Clock clock;

    public ReceiptPdf(String issuer, Clock clock) {
        this.issuer = issuer;
        this.clock = clock;
    }

    /** The PDF's bytes. */
    public byte[] render(Receipt receipt) {
        try {
            JasperPrint print = JasperFillManager.fillReport(Compiled.REPORT, parameters(receipt),
                    new JRMapCollectionDataSource(rows(receipt)));
            return export(print, receipt);
        } catch (JRException e) {
            throw new IllegalStateException("cannot render the receipt of " + receipt.file(), e);
        }
    }

    // Fill writes into the parameter map, so it must be mutable.
    private Map<String, Object> parameters(Receipt r) {
        ZoneId zone = clock.getZone();
        String status = r.status().json();
        Map<String, Object> p = Templates.parameters(zone);
        p.put("TITLE", messages.get("receipt.title"));
        p.put("ISSUER", messages.get("receipt.issuer", issuer));
        Templates.labels(p, messages, "L_", "receipt.label.", "file", "unit", "period", "version", "received", "status");
        p.put("L_SHA", messages.get("receipt.label.sha256"));
        p.put("FILE", safe(r.file()));
        p.put("UNIT", r.unit() == null ? messages.get("receipt.unknown") : r.unit());
        p.put("PERIOD", r.period() == null ? messages.get("receipt.unknown") : period(r.period()));
        p.put("VERSION", r.version() == null ? messages.get("receipt.none") : messages.get("receipt.version", r.version()));
        p.put("RECEIVED", r.receivedAt().atZoneSameInstant(zone).format(TIMESTAMP));
        p.put("SHA", r.sha256());
        p.put("STATUS_WORD", messages.get("receipt.status." + status));
        p.put("STATUS_COLOR", color(r.status()));
        p.put("STATUS_TINT", tint(r.status()));
        p.put("MEANING", meaning(r));
        p.put("NEXT", r.status() == SubmissionStatus.QUARANTINED ? messages.get("receipt.next.quarantined", issuer)
                : messages.get("receipt.next." + status));
        p.put("CHAIN", chain(r, zone));
        p.put("COUNTS", counts(r));
        p.put("TOTALS", totals(r));
        p.put("ISSUES_HEADING", r.status() == SubmissionStatus.QUARANTINED ? messages.get("receipt.issues.quarantined")
                : r.issues().isEmpty() ? messages.get("receipt.issues.none")
                : messages.get("receipt.issues.heading", r.errorCount(), r.warningCount()));
        p.put("ISSUE_COUNT", r.issues().size());
        Templates.labels(p, messages, "H_", "receipt.issues.", "no", "kind", "sheet", "cell", "row", "column", "value", "message");
        p.put("GENERATED", messages.get("receipt.generated", LocalDateTime.now(clock).format(TIMESTAMP)));
        p.put("PAGE_PATTERN", messages.get("receipt.page"));
        return p;
    }

    private String meaning(Receipt r) {
        return switch (r.status()) {
            case ACCEPTED -> r.warningCount() == 0 ? messages.get("receipt.meaning.accepted")
                    : messages.get("receipt.meaning.accepted_with_warnings", r.warningCount());
            case REJECTED -> messages.get("receipt.meaning.rejected", r.errorCount());
            case DUPLICATE -> r.duplicateOf() == null ? messages.get("receipt.meaning.duplicate_unknown")
                    : messages.get("receipt.meaning.duplicate", safe(r.duplicateOf().file()));
            case SUPERSEDED -> messages.get("receipt.meaning.superseded");
            case QUARANTINED -> messages.get("receipt.meaning.quarantined", issuer);
        };
    }

    /** 本版替代第N版 and 已被第M版替代, one line each, or null (nothing printed) for a file with no other version. */
    private String chain(Receipt r, ZoneId zone) {
        List<String> lines = new ArrayList<>();
        if (r.replaces() != null) {
            lines.add(messages.get("receipt.replaces", r.replaces().version(), safe(r.replaces().file()),
                    r.replaces().receivedAt().atZoneSameInstant(zone).format(TIMESTAMP)));
        }
        if (r.replacedBy() != null) {
            lines.add(messages.get("receipt.replaced_by", r.replacedBy().version(), safe(r.replacedBy().file()),
                    r.replacedBy().receivedAt().atZoneSameInstant(zone).format(TIMESTAMP)));
        }
        return lines.isEmpty() ? null : String.join("\n", lines);
    }

    private String counts(Receipt r) {
        if (r.status() == SubmissionStatus.DUPLICATE) {
            return messages.get("receipt.counts.duplicate");
        }
        if (r.status() == SubmissionStatus.QUARANTINED) {
            return messages.get("receipt.counts.quarantined");
        }
        String list = r.counts().entrySet().stream()
                .map(e -> messages.get("receipt.counts.sheet", e.getKey(), e.getValue()))
                .collect(Collectors.joining(messages.get("receipt.counts.separator")));
        return messages.get("receipt.counts", list);
    }

    /** 计入统计的数据: each figure with its label and unit, or null (nothing printed) when the file counted for nothing. */
    private String totals(Receipt r) {
        if (r.totals().isEmpty()) {
            return null;
        }
        String list = r.totals().entrySet().stream()
                .map(e -> messages.get("receipt.totals.item", messages.get("indicator." + e.getKey().key()),
                        e.getValue().toPlainString(), messages.get("indicator." + e.getKey().key() + ".unit")))
                .collect(Collectors.joining(messages.get("receipt.totals.separator")));
        return messages.get("receipt.totals", list);
    }

    private String period(String yyyyMm) {
        return messages.get("receipt.period", yyyyMm.substring(0, 4), Integer.parseInt(yyyyMm.substring(5, 7)));
    }

    private List<Map<String, ?>> rows(Receipt r) {
        List<Map<String, ?>> rows = new ArrayList<>();
        int no = 1;
        for (Issue i : r.issuesErrorsFirst()) {
            Map<String, Object> row = new HashMap<>();
            row.put("no", no++);
            row.put("error", i.isError());
            row.put("kind", messages.get(i.isError() ? "receipt.kind.error" : "receipt.kind.warning"));
            row.put("sheet", safe(i.sheet()));
            row.put("cell", i.cell());
            row.put("row", i.row());
            row.put("column", safe(i.column()));
            row.put("value", safe(i.value()));
            row.put("message", safe(i.message()));
            rows.add(row);
        }
        return rows;
    }

    /** Control characters (other than line breaks) as read from a workbook would garble the PDF. */
    private static String safe(String s) {
        return s == null ? null : s.replaceAll("[\\p{Cntrl}&&[^\\n]]", " ");
    }

    private static String color(SubmissionStatus status) {
        return switch (status) {
            case ACCEPTED -> "#1E7B34";
            case REJECTED -> "#C00000";
            case DUPLICATE -> "#595959";
            case SUPERSEDED -> "#1F4E79";
            case QUARANTINED -> "#B45F06";
        };
    }

    private static String tint(SubmissionStatus status) {
        return switch (status) {
            case ACCEPTED -> "#EAF5EC";
            case REJECTED -> "#FCECEC";
            case DUPLICATE -> "#F2F2F2";
            case SUPERSEDED -> "#EAF1F8";
            case QUARANTINED -> "#FDF1E6";
        };
    }

    private byte[] export(JasperPrint print, Receipt r) throws JRException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Templates.exportPdf(print, new Templates.Metadata(messages.get("receipt.pdf.title", safe(r.file())), issuer, null), out);
        return out.toByteArray();
    }

    /** The compiled template: compiling costs seconds, so once per process, on first use. */
    private static final class Compiled {
        static final JasperReport REPORT = Templates.compile("receipt");
    }
}
