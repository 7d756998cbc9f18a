package cn.jintan.quality.delivery;

import cn.jintan.quality.domain.Unit;
import cn.jintan.quality.domain.UnitRegistry;
import cn.jintan.quality.messages.Messages;
import cn.jintan.quality.receipt.ReceiptWriter;
import cn.jintan.quality.store.StoredSubmission;
import cn.jintan.quality.store.SubmissionStatus;
import cn.jintan.quality.store.SubmissionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Mails each received file's receipt (the PDF, and for a rejected file the annotated workbook) to
 * its unit's contact address in {@code jobs/units.tsv}, over the SMTP of the briefings. Every mail
 * is recorded before it is sent and its outcome after, each in its own transaction, so a crash or
 * a dead server loses none: later runs (daytime passes or nightly) retry it. A failed send never
 * fails the run. Units without an address get no mail.
 */
@Service
public class ReceiptMails {

    private static final Logger log = LoggerFactory.getLogger(ReceiptMails.class);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ReceiptMailLedger ledger;
    private final BriefingMailer mailer;
    private final SubmissionStore store;
    private final UnitRegistry registry;
    private final ReceiptWriter receipts;
    private final Clock clock;
    private final TransactionTemplate own;
    private final Messages messages = Messages.catalogue();

    ReceiptMails(ReceiptMailLedger ledger, BriefingMailer mailer, SubmissionStore store, UnitRegistry registry,
                 ReceiptWriter receipts, Clock clock, PlatformTransactionManager tx) {
        this.ledger = ledger;
        this.mailer = mailer;
        this.store = store;
        this.registry = registry;
        this.receipts = receipts;
        this.clock = clock;
        this.own = new TransactionTemplate(tx);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Notes a mail for each file this run received whose unit has an address, then sends every unsent one, oldest first. */
    public List<ReceiptMail> deliver(String runId) {
        for (StoredSubmission s : store.ofRun(runId)) {
            contact(s).ifPresent(to -> own.executeWithoutResult(
                    t -> ledger.create(s.id(), to, OffsetDateTime.now(clock), runId)));
        }
        for (ReceiptMail mail : ledger.unsent()) {
            attempt(mail, runId);
        }
        return ledger.ofRun(runId);
    }

    /** What one run attempted (for the run summary). */
    public List<ReceiptMail> ofRun(String runId) {
        return ledger.ofRun(runId);
    }

    /** The address a file's receipt goes to: its unit's contact, for a file whose unit, period and version were read. */
    private Optional<String> contact(StoredSubmission s) {
        if (s.unitCode() == null || s.period() == null || s.version() == null) {
            return Optional.empty();
        }
        return registry.byCode(s.unitCode()).map(Unit::contact);
    }

    private void attempt(ReceiptMail mail, String runId) {
        try {
            StoredSubmission s = store.find(mail.submissionId()).orElseThrow();
            Path pdf = sibling(s, ".pdf");
            List<Path> attachments = new ArrayList<>(List.of(pdf));
            Path annotated = null;
            if (s.status() == SubmissionStatus.REJECTED) {
                annotated = Files.isRegularFile(sibling(s, ".annotated.xlsx")) ? sibling(s, ".annotated.xlsx")
                        : Files.isRegularFile(sibling(s, ".annotated.xls")) ? sibling(s, ".annotated.xls") : null;
                if (annotated != null) {
                    attachments.add(annotated);
                }
            }
            mailer.send(mail.recipient(), subject(s), body(s, annotated), attachments);
            own.executeWithoutResult(t -> ledger.sent(mail.id(), OffsetDateTime.now(clock), runId));
            log.info("Mailed the receipt of {} to {}", s.fileName(), mail.recipient());
        } catch (RuntimeException e) {
            // BriefingMailer.DeliveryException, or a receipt gone missing: recorded, retried next run
            own.executeWithoutResult(t -> ledger.failed(mail.id(), e.getMessage(), OffsetDateTime.now(clock), runId));
            log.warn("Could not mail receipt {} to {} (will retry on the next run): {}", mail.submissionId(),
                    mail.recipient(), e.getMessage());
        }
    }

    private Path sibling(StoredSubmission s, String extension) {
        Path json = receipts.path(s);
        return json.resolveSibling(json.getFileName().toString().replaceFirst("\\.json$", "") + extension);
    }

    private String unitName(StoredSubmission s) {
        return registry.byCode(s.unitCode()).map(Unit::name).orElse(s.unitCode());
    }

    private String period(StoredSubmission s) {
        return messages.get("mail.receipt.period", s.period().substring(0, 4), Integer.parseInt(s.period().substring(5)));
    }

    String subject(StoredSubmission s) {
        return messages.get("mail.receipt.subject", unitName(s), period(s), s.version(), status(s));
    }

    String body(StoredSubmission s, Path annotated) {
        String meaning = s.status() == SubmissionStatus.REJECTED && annotated == null
                ? messages.get("mail.receipt.meaning.rejected.plain")
                : messages.get("mail.receipt.meaning." + s.status().json());
        String attached = annotated == null ? "" : messages.get("mail.receipt.annotated", annotated.getFileName());
        return messages.get("mail.receipt.body", unitName(s), s.fileName(), period(s), s.version(),
                s.receivedAt().atZoneSameInstant(clock.getZone()).format(SHOWN), status(s), meaning, attached, s.period());
    }

    private String status(StoredSubmission s) {
        return messages.get("mail.receipt.status." + s.status().json());
    }
}
