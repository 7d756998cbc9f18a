package cn.jintan.quality.job;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * {@code output/runs/RUNID.json} (outputs.md), component for key in the file's order. {@code kind}:
 * nightly, or intake for a daytime pass of {@code schedule}; {@code status}: completed or failed;
 * {@code started_at} in the pipeline's zone ({@link RunSummaryListener#at}), null if never started.
 */
record RunRecord(String runId, String kind, String startedAt, OffsetDateTime endedAt, String status,
                 int exitStatus, FileCounts files, RowsRead rowsRead, List<String> periodsRendered,
                 List<DeliveryJson> deliveries, List<ReceiptMailJson> receiptMails, List<Quarantined> quarantined,
                 List<Skipped> skipped, List<String> failures) {

    /**
     * The run's files by status (store.SubmissionStatus, in its order); {@code superseded}: the
     * versions this run's files replaced, received earlier or in this run.
     */
    record FileCounts(long seen, long accepted, long rejected, long duplicate, long superseded, long quarantined) {
    }

    /** Data rows read, per sheet. */
    record RowsRead(@JsonProperty("质量提升") int quality, @JsonProperty("融资助企") int financing,
                    @JsonProperty("减费让利") int fees) {
    }

    /** A briefing mailed (or tried); {@code status} pending, sent, failed or replaced. */
    record DeliveryJson(String period, String recipient, String status, int attempts, String error) {
    }

    /** A receipt mailed to a unit's contact (or tried), retries of earlier runs included. */
    record ReceiptMailJson(String file, String unitCode, String period, Integer version, String recipient,
                           String status, int attempts, String error) {
    }

    /** A file an unexpected error kept from being checked: where it is and what went wrong (paths absolute). */
    record Quarantined(String file, String sha256, OffsetDateTime receivedAt, String keptAt, String archivedAt,
                       String receipt, ErrorJson error) {
    }

    /** What went wrong (no stack trace: that is in the log). */
    record ErrorJson(@JsonProperty("class") String errorClass, String message, String rootCause) {
    }

    /** An entry of input/ not taken (links, FIFOs, folders, hidden files: reason only; unreadable: with the error). */
    record Skipped(String file, String reason, String error) {
    }
}
