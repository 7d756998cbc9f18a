package cn.jintan.quality.delivery;

/** One receipt to one unit's contact address; {@code status} is PENDING, SENT or FAILED. */
public record ReceiptMail(long id, long submissionId, String recipient, String status, int attempts, String lastError) {
}
