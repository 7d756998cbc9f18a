package cn.jintan.quality.delivery;

/** One briefing to one recipient; {@code status} is PENDING, SENT, FAILED or REPLACED. */
public record Delivery(long id, String period, String recipient, String pdfPath, String subject, String body,
                       String status, int attempts, String lastError) {
}
