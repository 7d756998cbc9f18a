package cn.jintan.quality.receipt;

import cn.jintan.quality.domain.Indicator;
import cn.jintan.quality.store.SubmissionStatus;
import cn.jintan.quality.validation.Issue;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The content of one receipt, read from the store: the JSON, the PDF and the annotated workbook
 * are all written from this, so they always say the same thing.
 *
 * @param unit          the unit's registry name, null when the file's unit could not be read
 * @param supersededBy  SHA-256 of the newer accepted version, when {@code superseded}
 * @param duplicateOf   the file these bytes were first received as, when {@code duplicate}
 * @param replaces      the earlier accepted version this one superseded, or null
 * @param replacedBy    the newer accepted version that superseded this one, or null
 * @param counts        data rows read per sheet name, in sheet order
 * @param issues        in the order found
 * @param totals        an accepted file only: what was counted from it, {@link #TOTALS} in order
 *                      (money in 万元 with 2 decimals, counts whole), from its tally; else empty
 */
public record Receipt(String file, String sha256, OffsetDateTime receivedAt, String unit, String unitCode,
                      String period, Integer version, SubmissionStatus status, String supersededBy,
                      Original duplicateOf, Map<String, Integer> counts, List<Issue> issues,
                      Map<Indicator, BigDecimal> totals, Version replaces, Version replacedBy) {

    /** The figures an accepted file's receipt shows, for the clerk to check against their own totals. */
    public static final List<Indicator> TOTALS = List.of(Indicator.ENTERPRISES_REPORTED, Indicator.CQO_ENTERPRISES,
            Indicator.FINANCING_REGISTRATIONS, Indicator.FINANCING_AMOUNT, Indicator.FEE_RELIEF_UTILITIES,
            Indicator.FEE_REFUND, Indicator.FEE_RELIEF_OTHER);

    public Receipt {
        counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        issues = List.copyOf(issues);
        totals = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(totals));
    }

    /** A receipt that shows no totals (a file not accepted). */
    public Receipt(String file, String sha256, OffsetDateTime receivedAt, String unit, String unitCode,
                   String period, Integer version, SubmissionStatus status, String supersededBy,
                   Original duplicateOf, Map<String, Integer> counts, List<Issue> issues) {
        this(file, sha256, receivedAt, unit, unitCode, period, version, status, supersededBy, duplicateOf, counts,
                issues, Map.of(), null, null);
    }

    /** The earlier file whose bytes a duplicate repeats. */
    public record Original(String file, String sha256) {
    }

    /** Another version of the same unit and period: the one this replaced, or the one that replaced it. */
    public record Version(int version, String sha256, String file, OffsetDateTime receivedAt) {
    }

    /** Errors first, then warnings; within each, the order found. */
    public List<Issue> issuesErrorsFirst() {
        return issues.stream().sorted(Comparator.comparing(i -> i.isError() ? 0 : 1)).toList();
    }

    public long errorCount() {
        return issues.stream().filter(Issue::isError).count();
    }

    public long warningCount() {
        return issues.size() - errorCount();
    }
}
