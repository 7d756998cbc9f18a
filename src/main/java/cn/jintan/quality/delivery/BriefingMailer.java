package cn.jintan.quality.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.FileSystemResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Sends one briefing to one recipient: the lead paragraph as the body, the PDF attached. The SMTP
 * server is Spring's {@code spring.mail.*} (configuration or environment, never the repository);
 * without {@code spring.mail.host} there is no sender and every delivery fails, to be retried.
 */
@Component
class BriefingMailer {

    private final ObjectProvider<JavaMailSender> sender;
    private final String from;

    BriefingMailer(ObjectProvider<JavaMailSender> sender,
                   @org.springframework.beans.factory.annotation.Value("${qb.mail-from:${spring.mail.username:quality-briefing@localhost}}") String from) {
        this.sender = sender;
        this.from = from;
    }

    /** Sends, or throws {@link DeliveryException} saying why not. */
    void send(Delivery delivery) {
        Path pdf = Path.of(delivery.pdfPath());
        if (!Files.isRegularFile(pdf)) {
            throw new DeliveryException("briefing PDF not found: " + pdf);
        }
        send(delivery.recipient(), delivery.subject(), delivery.body(), List.of(pdf));
    }

    /** Sends a plain-text mail with files attached (PDF, xlsx or xls by their names), or throws {@link DeliveryException}. */
    void send(String to, String subject, String body, List<Path> attachments) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            throw new DeliveryException("no SMTP server configured (set spring.mail.host)");
        }
        for (Path file : attachments) {
            if (!Files.isRegularFile(file)) {
                throw new DeliveryException("attachment not found: " + file);
            }
        }
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(body);
            for (Path file : attachments) {
                helper.addAttachment(file.getFileName().toString(), new FileSystemResource(file), contentType(file));
            }
            mail.send(message);
        } catch (MessagingException | MailException e) {
            throw new DeliveryException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static String contentType(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".xlsx")) {
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        }
        return name.endsWith(".xls") ? "application/vnd.ms-excel" : "application/pdf";
    }

    static final class DeliveryException extends RuntimeException {
        DeliveryException(String message) {
            super(message);
        }

        DeliveryException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
