package cn.jintan.quality.validation;

import cn.jintan.quality.domain.SubmissionSheet;

import java.util.List;
import java.util.Map;

/**
 * What validation found in one received file: its cover, the number of data rows per sheet and
 * every problem. Any ERROR rejects the whole submission: none of its figures count.
 */
public record Submission(String fileName, Cover cover, Map<SubmissionSheet, Integer> rowCounts, List<Issue> issues) {

    public Submission {
        rowCounts = Map.copyOf(rowCounts);
        issues = List.copyOf(issues);
    }

    public boolean accepted() {
        return issues.stream().noneMatch(Issue::isError);
    }

    public boolean hasUnitAndPeriod() {
        return cover.unit().isPresent() && cover.period().isPresent();
    }
}
