package cn.jintan.quality.delivery;

import cn.jintan.quality.messages.Messages;
import cn.jintan.quality.report.PeriodReports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Mails the briefings a run changed to the recipients of {@code jobs/recipients.txt}, and first
 * retries what earlier runs failed to send. Every attempt is recorded before and after sending,
 * so a crash or a dead server loses nothing: the next run sends it. The PDF is only read, never
 * moved or deleted.
 */
@Service
public class Deliveries {

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

    private final DeliveryLedger ledger;
    private final BriefingMailer mailer;
    private final Recipients recipients;
    private final Clock clock;
    private final Messages messages = Messages.catalogue();

    Deliveries(DeliveryLedger ledger, BriefingMailer mailer, Recipients recipients, Clock clock) {
        this.ledger = ledger;
        this.mailer = mailer;
        this.recipients = recipients;
        this.clock = clock;
    }

    /** Retries the unsent, then sends the briefings rendered by this run; returns what this run attempted. */
    public List<Delivery> deliver(List<PeriodReports.Rendered> changed, String runId) {
        List<String> periods = changed.stream().map(r -> r.figures().period().toString()).toList();
        for (Delivery old : ledger.unsent()) {
            if (periods.contains(old.period()) && recipients.addresses().contains(old.recipient())) {
                ledger.replaced(old.id(), runId); // the newer briefing of that period goes out below
            } else {
                attempt(old, runId);
            }
        }
        for (PeriodReports.Rendered rendered : changed) {
            for (String to : recipients.addresses()) {
                String body = rendered.lead() + "\n\n" + messages.get("mail.footer");
                long id = ledger.create(rendered.figures().period().toString(), to, rendered.pdf().toAbsolutePath().toString(),
                        messages.get("mail.subject", rendered.title()), body, OffsetDateTime.now(clock), runId);
                attempt(new Delivery(id, rendered.figures().period().toString(), to, rendered.pdf().toAbsolutePath().toString(),
                        messages.get("mail.subject", rendered.title()), body, "PENDING", 0, null), runId);
            }
        }
        return ledger.ofRun(runId);
    }

    /** What one run attempted (for the run summary). */
    public List<Delivery> ofRun(String runId) {
        return ledger.ofRun(runId);
    }

    private void attempt(Delivery delivery, String runId) {
        try {
            mailer.send(delivery);
            ledger.sent(delivery.id(), OffsetDateTime.now(clock), runId);
            log.info("Mailed the briefing of {} to {}", delivery.period(), delivery.recipient());
        } catch (BriefingMailer.DeliveryException e) {
            ledger.failed(delivery.id(), e.getMessage(), OffsetDateTime.now(clock), runId);
            log.warn("Could not mail the briefing of {} to {} (will retry on the next run): {}", delivery.period(),
                    delivery.recipient(), e.getMessage());
        }
    }
}
