package cn.jintan.quality.receipt;

import cn.jintan.quality.OutputFiles;
import cn.jintan.quality.PipelineProperties;
import cn.jintan.quality.domain.Unit;
import cn.jintan.quality.domain.UnitRegistry;
import cn.jintan.quality.messages.Messages;
import cn.jintan.quality.store.StoredSubmission;
import cn.jintan.quality.store.SubmissionStatus;
import cn.jintan.quality.store.SubmissionStore;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code output/receipts/YYYY-MM/报送情况.html}: one page per period for a clerk with the shared
 * folder: every unit of the registry, in registry order, with the status of the latest file it sent
 * (or 未报送), its version, file name and time received, the version that counts, and relative links
 * to its receipt PDF and annotated workbook; below, every file received for the period. Rewritten
 * (atomically) whenever a receipt of the period is written. Plain HTML, UTF-8, no script: it opens
 * from a Windows share in any browser.
 */
@Component
public class ReceiptIndex {

    /** The page's name in each period's folder. */
    public static final String FILE_NAME = "报送情况.html";

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Path folder;
    private final UnitRegistry registry;
    private final SubmissionStore store;
    private final ReceiptWriter receipts;
    private final Clock clock;
    private final ZoneId zone;
    private final Messages messages = Messages.catalogue();

    ReceiptIndex(PipelineProperties properties, UnitRegistry registry, SubmissionStore store, ReceiptWriter receipts,
                 Clock clock) {
        this.folder = properties.output().resolve("receipts");
        this.registry = registry;
        this.store = store;
        this.receipts = receipts;
        this.clock = clock;
        this.zone = properties.zone();
    }

    /** Where the page of a period is. */
    public Path path(String period) {
        return folder.resolve(period).resolve(FILE_NAME);
    }

    /** Writes the page of a period from what the store holds. */
    public Path write(String period) {
        List<StoredSubmission> all = store.forPeriod(period); // per unit, newest first
        Map<String, List<StoredSubmission>> byUnit = all.stream().filter(s -> s.unitCode() != null)
                .collect(Collectors.groupingBy(StoredSubmission::unitCode, java.util.LinkedHashMap::new, Collectors.toList()));
        String title = messages.get("receipts.index.title", period.substring(0, 4), Integer.parseInt(period.substring(5)));
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(esc(title))
                .append("</title>\n<style>body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse;margin:1em 0}"
                        + "th,td{border:1px solid #999;padding:.3em .6em;text-align:left}th{background:#eee}"
                        + ".rejected{color:#b00}.none{color:#888}</style>\n</head>\n<body>\n<h1>")
                .append(esc(title)).append("</h1>\n");
        long accepted = registry.units().stream().filter(u -> counted(byUnit.get(u.code())).isPresent()).count();
        long none = registry.units().stream().filter(u -> !byUnit.containsKey(u.code())).count();
        long waiting = registry.units().size() - accepted - none; // sent, but nothing counted yet: they must act
        h.append("<p>").append(esc(messages.get("receipts.index.summary", registry.units().size(), accepted, none,
                ZonedDateTime.now(clock).withZoneSameInstant(zone).format(SHOWN), waiting))).append("</p>\n");
        h.append("<table id=\"units\">\n<thead><tr>");
        for (String column : messages.get("receipts.index.columns").split("\\|")) {
            h.append("<th>").append(esc(column)).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        int n = 0;
        for (Unit unit : registry.units()) {
            List<StoredSubmission> files = byUnit.getOrDefault(unit.code(), List.of());
            StoredSubmission latest = files.isEmpty() ? null : files.get(0);
            String status = latest == null ? "none" : latest.status().json();
            h.append("<tr data-unit=\"").append(esc(unit.code())).append("\" data-status=\"").append(status)
                    .append("\" class=\"").append(status).append("\"><td>").append(++n).append("</td><td>")
                    .append(esc(unit.name())).append("</td><td>").append(esc(messages.get("receipts.index.status." + status)))
                    .append("</td>");
            if (latest == null) {
                h.append("<td></td><td></td><td></td><td>").append(esc(messages.get("receipts.index.counted.none")))
                        .append("</td><td></td><td></td>");
            } else {
                cells(h, latest);
                h.append("<td>").append(esc(counted(files).map(s -> messages.get("receipts.index.version", s.version()))
                        .orElse(messages.get("receipts.index.counted.none")))).append("</td>");
                links(h, latest);
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n<h2>").append(esc(messages.get("receipts.index.all"))).append("</h2>\n");
        h.append("<table id=\"files\">\n<thead><tr>");
        for (String column : messages.get("receipts.index.all.columns").split("\\|")) {
            h.append("<th>").append(esc(column)).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (Unit unit : registry.units()) {
            for (StoredSubmission s : byUnit.getOrDefault(unit.code(), List.of())) {
                h.append("<tr data-unit=\"").append(esc(unit.code())).append("\" data-status=\"").append(s.status().json())
                        .append("\"><td>").append(esc(unit.name())).append("</td><td>")
                        .append(esc(messages.get("receipts.index.status." + s.status().json()))).append("</td>");
                cells(h, s);
                links(h, s);
                h.append("</tr>\n");
            }
        }
        h.append("</tbody>\n</table>\n<p>").append(esc(messages.get("receipts.index.footer"))).append("</p>\n</body>\n</html>\n");
        Path page = path(period);
        OutputFiles.write(page, h.toString().getBytes(StandardCharsets.UTF_8));
        return page;
    }

    /** The version that counts: the accepted one, if any. */
    private static Optional<StoredSubmission> counted(List<StoredSubmission> files) {
        return files == null ? Optional.empty()
                : files.stream().filter(s -> s.status() == SubmissionStatus.ACCEPTED).findFirst();
    }

    private void cells(StringBuilder h, StoredSubmission s) {
        h.append("<td>").append(s.version() == null ? "" : esc(messages.get("receipts.index.version", s.version())))
                .append("</td><td>").append(esc(s.fileName())).append("</td><td>")
                .append(esc(s.receivedAt().atZoneSameInstant(zone).format(SHOWN))).append("</td>");
    }

    /** Relative links, so the page works wherever the share is mounted. */
    private void links(StringBuilder h, StoredSubmission s) {
        Path json = receipts.path(s);
        String base = json.getFileName().toString().replaceFirst("\\.json$", "");
        h.append("<td>");
        if (Files.isRegularFile(json.resolveSibling(base + ".pdf"))) {
            h.append("<a href=\"").append(esc(base)).append(".pdf\">").append(esc(messages.get("receipts.index.receipt")))
                    .append("</a>");
        }
        h.append("</td><td>");
        for (String extension : List.of(".annotated.xlsx", ".annotated.xls")) {
            if (Files.isRegularFile(json.resolveSibling(base + extension))) {
                h.append("<a href=\"").append(esc(base + extension)).append("\">")
                        .append(esc(messages.get("receipts.index.annotated"))).append("</a>");
                break;
            }
        }
        h.append("</td>");
    }

    private static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(Character.isISOControl(c) ? ' ' : c);
            }
        }
        return out.toString();
    }
}
