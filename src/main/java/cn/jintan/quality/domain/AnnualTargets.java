package cn.jintan.quality.domain;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Annual targets of {@code jobs/targets.tsv}: year, figure key, target. A target is compared with a
 * stock's month-end value or a flow's year-to-date value, so only those keys are allowed. The file
 * ({@code config.JobsFiles} reads it) is optional: without it the briefing simply shows no 目标完成率.
 */
public final class AnnualTargets {

    /** Keys a target may name: every stock key and every flow's {@code _ytd} key. */
    public static final Set<String> KEYS = Arrays.stream(Indicator.values())
            .map(i -> i.kind() == Indicator.Kind.STOCK ? i.key() : i.ytdKey())
            .collect(Collectors.toUnmodifiableSet());

    private final Map<Integer, Map<String, BigDecimal>> byYear;

    public AnnualTargets(Map<Integer, Map<String, BigDecimal>> byYear) {
        this.byYear = Map.copyOf(byYear);
    }

    public static AnnualTargets none() {
        return new AnnualTargets(Map.of());
    }

    /** The targets of a year, by figure key, in file order. */
    public Map<String, BigDecimal> of(int year) {
        return byYear.getOrDefault(year, Map.of());
    }

    public Optional<BigDecimal> of(int year, String key) {
        return Optional.ofNullable(of(year).get(key));
    }
}
