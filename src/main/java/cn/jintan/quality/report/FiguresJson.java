package cn.jintan.quality.report;

import cn.jintan.quality.domain.Period;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * {@code figures-YYYY-MM.json} (outputs.md), component for key in the file's order. Figure maps are
 * keyed by indicator key in dictionary order (counts scale 0, money scale 2); a unit without
 * accepted data has {@code figures: null}. {@code issue_date} is an added key, like outputs.md allows.
 */
record FiguresJson(Period period, OffsetDateTime generatedAt, LocalDate issueDate, CoverageJson coverage,
                   Map<String, BigDecimal> district, List<UnitJson> units, List<String> missingUnits,
                   List<String> rejectedUnits, Comparisons comparisons, List<SubmissionJson> submissions) {

    /** What the figures cover (indicators.md, Coverage); {@code missing_months} by unit name. */
    record CoverageJson(int unitsTotal, int unitsReported, List<String> reportedUnits, List<String> missingUnits,
                        List<String> rejectedUnits, boolean complete, List<Period> ytdMonths, boolean ytdComplete,
                        Map<String, List<Period>> missingMonths) {
    }

    /** {@code status}: accepted, rejected or missing. */
    record UnitJson(String code, String name, String status, Map<String, BigDecimal> figures, UnitCoverage coverage) {
    }

    record UnitCoverage(List<Period> missingMonths) {
    }

    record Comparisons(Comparison monthOnMonth, YearOnYear yearOnYear) {
    }

    /** {@code status}: comparable, no_data or not_like_for_like; {@code reason} null when comparable. */
    record Comparison(Period period, boolean comparable, String status, String reason) {
    }

    /** The year-on-year comparison of the month, then of the year to date. */
    record YearOnYear(Period period, boolean comparable, String status, String reason,
                      boolean ytdComparable, String ytdStatus, String ytdReason) {
    }

    record SubmissionJson(String unit, String file, String sha256, int version, String status) {
    }
}
