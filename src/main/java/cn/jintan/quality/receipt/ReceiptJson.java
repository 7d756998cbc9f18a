package cn.jintan.quality.receipt;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A receipt's JSON (outputs.md), component for key in the file's order. {@code unit},
 * {@code unit_code}, {@code period} and {@code version} are null when they could not be read; the
 * keys marked {@link JsonInclude} are absent unless they apply: {@code message} (quarantined),
 * {@code superseded_by}, {@code replaced_by}, {@code replaces}, {@code duplicate_of} and
 * {@code totals} (accepted: money a number with 2 decimals, counts whole, by indicator key).
 */
record ReceiptJson(String file, String sha256, OffsetDateTime receivedAt, String unit, String unitCode, String period,
                   Integer version, String status,
                   @JsonInclude(JsonInclude.Include.NON_NULL) String message,
                   @JsonInclude(JsonInclude.Include.NON_NULL) String supersededBy,
                   @JsonInclude(JsonInclude.Include.NON_NULL) Receipt.Version replacedBy,
                   @JsonInclude(JsonInclude.Include.NON_NULL) Receipt.Version replaces,
                   @JsonInclude(JsonInclude.Include.NON_NULL) Receipt.Original duplicateOf,
                   Map<String, Integer> counts,
                   @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Number> totals,
                   List<IssueJson> issues) {

    /** A finding; {@code severity} ERROR or WARNING; where it is, as far as known (else null). */
    record IssueJson(String severity, String code, String sheet, String cell, Integer row, String column, String value,
                     String message) {
    }
}
