package cn.jintan.quality.store;

import java.util.Locale;

/** The status of a received file, as receipts and figures write it (lower case). */
public enum SubmissionStatus {
    ACCEPTED, REJECTED, DUPLICATE, SUPERSEDED;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
