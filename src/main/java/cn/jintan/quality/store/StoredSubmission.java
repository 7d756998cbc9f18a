package cn.jintan.quality.store;

import java.time.OffsetDateTime;

/** A row of the ledger of received files. {@code unitCode}, {@code period} and {@code version} may be null. */
public record StoredSubmission(long id, String fileName, String sha256, String unitCode, String period,
                               Integer version, SubmissionStatus status, OffsetDateTime receivedAt,
                               Long duplicateOf, Long supersededBy, String runId,
                               int rowsQuality, int rowsFinancing, int rowsFees) {
}
