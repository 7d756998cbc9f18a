package cn.jintan.quality.store;

import java.util.Locale;

/**
 * The status of a received file, as receipts and figures write it (lower case). {@code QUARANTINED}:
 * an unexpected error (not bad input, which is {@code REJECTED}) stopped the file being checked;
 * nothing of it is stored, the file is kept aside under {@code data/quarantine/} and it is never
 * the original a later copy of the same bytes is a duplicate of.
 */
public enum SubmissionStatus {
    ACCEPTED, REJECTED, DUPLICATE, SUPERSEDED, QUARANTINED;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
