package cn.jintan.quality.receipt;

import cn.jintan.quality.JsonFiles;
import cn.jintan.quality.PipelineProperties;
import cn.jintan.quality.RenderThreads;
import cn.jintan.quality.domain.Indicator;
import cn.jintan.quality.domain.SubmissionSheet;
import cn.jintan.quality.domain.Unit;
import cn.jintan.quality.domain.UnitRegistry;
import cn.jintan.quality.messages.Messages;
import cn.jintan.quality.store.StoredSubmission;
import cn.jintan.quality.store.SubmissionStatus;
import cn.jintan.quality.store.SubmissionStore;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;

/**
 * Writes the receipt of a received file ({@code output/receipts/}) from what the store holds, so
 * that a receipt can be rewritten later (superseded) exactly as it was first written: the JSON, the
 * same content as a PDF for people and, for a rejected file, the annotated copy of the workbook.
 */
@Component
public class ReceiptWriter {

    private final Path folder;
    private final UnitRegistry registry;
    private final SubmissionStore store;
    private final JsonFiles json;
    private final ReceiptPdf pdf;
    private final AnnotatedWorkbook annotated;
    private final Messages messages = Messages.catalogue();
    private final String issuer;
    /** Receipts {@link #writeAll} renders at once: bounds the PDFs held in memory. */
    private static final int AT_ONCE = 64;
    private final RenderThreads renderers;

    ReceiptWriter(PipelineProperties properties, UnitRegistry registry, SubmissionStore store, JsonFiles json, Clock clock,
                  RenderThreads renderers) {
        this.folder = properties.output().resolve("receipts");
        this.registry = registry;
        this.store = store;
        this.json = json;
        this.pdf = new ReceiptPdf(properties.issuer(), clock);
        this.annotated = new AnnotatedWorkbook(properties.maxFileBytes());
        this.issuer = properties.issuer();
        this.renderers = renderers;
    }

    /** Writes the JSON, the PDF and (rejected only) the annotated workbook; returns the JSON's path. */
    public Path write(StoredSubmission s) {
        return prepare(s).write();
    }

    /**
     * Renders the receipt without writing it: called in the transaction that stores the file, so
     * that an error while rendering rolls the file back like any other error handling it, while
     * the files are written only once that transaction has committed (a receipt never claims what
     * a rollback undid).
     */
    public Prepared prepare(StoredSubmission s) {
        return render(read(s));
    }

    /**
     * Writes many receipts again, as {@link #write} each: what they show is read in the caller's
     * thread and transaction, the PDFs are rendered on one thread per processor, {@value #AT_ONCE}
     * at a time (a period's cross-unit warnings can change a receipt of every unit: 1,300 of them
     * for a province). A receipt that cannot be rendered or written is handed to {@code failed},
     * which may throw; reading fails them all.
     */
    public void writeAll(List<StoredSubmission> submissions, BiConsumer<StoredSubmission, RuntimeException> failed) {
        for (int from = 0; from < submissions.size(); from += AT_ONCE) {
            List<Read> read = submissions.subList(from, Math.min(submissions.size(), from + AT_ONCE)).stream()
                    .map(this::read).toList();
            List<Future<Prepared>> rendering = read.stream().map(r -> renderers.submit(() -> render(r))).toList();
            for (int i = 0; i < read.size(); i++) {
                try {
                    RenderThreads.result(rendering.get(i)).write();
                } catch (RuntimeException e) {
                    failed.accept(read.get(i).submission(), e);
                }
            }
        }
    }

    /** A receipt's content as the database has it, and the original to annotate (rejected files only). */
    private record Read(StoredSubmission submission, Receipt receipt, Path original) {
    }

    private Read read(StoredSubmission s) {
        Path original = s.status() == SubmissionStatus.REJECTED ? store.archivePath(s.id()).orElse(null) : null;
        return new Read(s, receipt(s), original);
    }

    private Prepared render(Read read) {
        Path file = path(read.submission());
        String base = file.getFileName().toString().replaceFirst("\\.json$", "");
        Receipt receipt = read.receipt();
        byte[] content = json.bytes(content(receipt));
        byte[] rendered = pdf.render(receipt);
        Path annotatedPath = null;
        byte[] annotatedBytes = null;
        AnnotatedWorkbook.Annotated copy = read.original() == null ? null
                : annotated.annotate(read.original(), receipt.issues()).orElse(null);
        if (copy != null) {
            annotatedPath = file.resolveSibling(base + ".annotated" + copy.extension());
            annotatedBytes = copy.bytes();
        }
        return new Prepared(file, content, file.resolveSibling(base + ".pdf"), rendered, annotatedPath, annotatedBytes);
    }

    /** A rendered receipt: the JSON, the PDF and, for a rejected file, the annotated workbook, with their paths. */
    public record Prepared(Path json, byte[] jsonBytes, Path pdf, byte[] pdfBytes, Path annotated, byte[] annotatedBytes) {

        /** Writes the files, each replaced atomically; returns the JSON's path. */
        public Path write() {
            JsonFiles.writeAtomically(json, jsonBytes);
            JsonFiles.writeAtomically(pdf, pdfBytes);
            if (annotated != null) {
                JsonFiles.writeAtomically(annotated, annotatedBytes);
            }
            return json;
        }
    }

    /**
     * {@code receipts/YYYY-MM/UNITCODE-YYYY-MM-vN.json}; a duplicate gets {@code -dupID} after the
     * version it repeats; a file without unit or period goes to {@code receipts/unknown/}, a
     * quarantined one (never read, so never with unit or period) as {@code SHA16-quarantinedID}.
     * The PDF and the annotated copy share the base name.
     */
    public Path path(StoredSubmission s) {
        String suffix = switch (s.status()) {
            case DUPLICATE -> "-dup" + s.id();
            case QUARANTINED -> "-quarantined" + s.id();
            default -> "";
        };
        if (s.unitCode() == null || s.period() == null || s.version() == null) {
            return folder.resolve("unknown").resolve(s.sha256().substring(0, 16) + suffix + ".json");
        }
        return folder.resolve(s.period()).resolve(s.unitCode() + "-" + s.period() + "-v" + s.version() + suffix + ".json");
    }

    Receipt receipt(StoredSubmission s) {
        String unit = s.unitCode() == null ? null : registry.byCode(s.unitCode()).map(Unit::name).orElse(s.unitCode());
        Optional<StoredSubmission> successor = s.supersededBy() == null ? Optional.empty() : store.find(s.supersededBy());
        String supersededBy = successor.map(StoredSubmission::sha256).orElse(null);
        Receipt.Version replacedBy = successor.map(ReceiptWriter::version).orElse(null);
        Receipt.Version replaces = s.status() == SubmissionStatus.ACCEPTED || s.status() == SubmissionStatus.SUPERSEDED
                ? store.replacedBy(s.id()).map(ReceiptWriter::version).orElse(null) : null;
        Receipt.Original duplicateOf = s.duplicateOf() == null ? null
                : store.find(s.duplicateOf()).map(o -> new Receipt.Original(o.fileName(), o.sha256())).orElse(null);
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put(SubmissionSheet.QUALITY.sheetName(), s.rowsQuality());
        counts.put(SubmissionSheet.FINANCING.sheetName(), s.rowsFinancing());
        counts.put(SubmissionSheet.FEES.sheetName(), s.rowsFees());
        return new Receipt(s.fileName(), s.sha256(), s.receivedAt(), unit, s.unitCode(), s.period(), s.version(),
                s.status(), supersededBy, duplicateOf, counts, store.issues(s.id()), totals(s), replaces, replacedBy);
    }

    private static Receipt.Version version(StoredSubmission s) {
        return s.version() == null ? null : new Receipt.Version(s.version(), s.sha256(), s.fileName(), s.receivedAt());
    }

    /** What an accepted file counted for, from the tally taken as it streamed in (no second read of its rows). */
    private Map<Indicator, BigDecimal> totals(StoredSubmission s) {
        Map<Indicator, BigDecimal> totals = new LinkedHashMap<>();
        if (s.status() != SubmissionStatus.ACCEPTED) {
            return totals;
        }
        Map<String, BigDecimal> tally = store.tally(s.id());
        for (Indicator indicator : Receipt.TOTALS) {
            BigDecimal value = tally.get(indicator.key());
            if (value != null) {
                totals.put(indicator, value.setScale(indicator.money() ? 2 : 0, RoundingMode.HALF_UP));
            }
        }
        return totals;
    }

    ReceiptJson content(Receipt receipt) {
        // the file was not checked: no findings, only what happened (the same words as the PDF)
        String message = receipt.status() == SubmissionStatus.QUARANTINED
                ? messages.get("receipt.meaning.quarantined", issuer) : null;
        Map<String, Number> totals = null;
        if (!receipt.totals().isEmpty()) {
            totals = new LinkedHashMap<>();
            // money as a number with 2 decimals (1234.50), counts as whole numbers
            for (Map.Entry<Indicator, BigDecimal> e : receipt.totals().entrySet()) {
                totals.put(e.getKey().key(), e.getKey().money() ? e.getValue() : e.getValue().longValueExact());
            }
        }
        List<ReceiptJson.IssueJson> issues = receipt.issues().stream().map(i -> new ReceiptJson.IssueJson(
                i.severity().name(), i.code(), i.sheet(), i.cell(), i.row(), i.column(), i.value(), i.message())).toList();
        return new ReceiptJson(receipt.file(), receipt.sha256(), receipt.receivedAt(), receipt.unit(), receipt.unitCode(),
                receipt.period(), receipt.version(), receipt.status().json(), message, receipt.supersededBy(),
                receipt.replacedBy(), receipt.replaces(), receipt.duplicateOf(), receipt.counts(), totals, issues);
    }
}
