package cn.jintan.quality.domain;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Annual targets of {@code jobs/targets.tsv}: year, figure key, target. A target is compared with a
 * stock's month-end value or a flow's year-to-date value, so only those keys are allowed. The file
 * is optional: without it the briefing simply shows no 目标完成率.
 */
public final class AnnualTargets {

    public static final String FILE_NAME = "targets.tsv";

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

    /** Loads {@code targets.tsv}; a bad line is a {@link ConfigurationException} naming file and line. */
    public static AnnualTargets load(Path jobsDir) {
        Path file = jobsDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return none();
        }
        Map<Integer, Map<String, BigDecimal>> byYear = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (ConfigLine configLine : ConfigLine.read(file, "cannot read the annual targets")) {
            String line = configLine.text();
            int lineNo = configLine.number();
            String[] f = line.split("\t", -1);
            if (f.length != 3) {
                throw new ConfigurationException(file, lineNo, "expected year, indicator key and target separated by TABs");
            }
            String yearText = f[0].strip();
            if (!yearText.matches("(19|20|21)\\d\\d")) {
                throw new ConfigurationException(file, lineNo, "year must be four digits, e.g. 2020: " + yearText);
            }
            String key = f[1].strip();
            if (!KEYS.contains(key)) {
                throw new ConfigurationException(file, lineNo, "unknown indicator key '" + key
                        + "' (use a stock key such as cqo_enterprises or a flow's year-to-date key such as financing_amount_ytd)");
            }
            BigDecimal target;
            try {
                target = new BigDecimal(f[2].strip());
            } catch (NumberFormatException e) {
                throw new ConfigurationException(file, lineNo, "target must be a number: " + f[2].strip());
            }
            if (target.signum() <= 0) {
                throw new ConfigurationException(file, lineNo, "target must be greater than zero: " + f[2].strip());
            }
            Integer earlier = seen.putIfAbsent(yearText + "\t" + key, lineNo);
            if (earlier != null) {
                throw new ConfigurationException(file, lineNo, "target for " + yearText + " " + key + " already set on line " + earlier);
            }
            byYear.computeIfAbsent(Integer.parseInt(yearText), y -> new LinkedHashMap<>()).put(key, target);
        }
        return new AnnualTargets(byYear);
    }

    /** The targets of a year, by figure key, in file order. */
    public Map<String, BigDecimal> of(int year) {
        return byYear.getOrDefault(year, Map.of());
    }

    public Optional<BigDecimal> of(int year, String key) {
        return Optional.ofNullable(of(year).get(key));
    }
}
