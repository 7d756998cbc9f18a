package cn.jintan.quality.config;

import cn.jintan.quality.domain.AnnualTargets;
import cn.jintan.quality.domain.ConfigurationException;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code jobs/targets.tsv}: year, figure key, target, TAB-separated; optional (no file, no target). */
final class TargetsFile {

    static final String FILE_NAME = "targets.tsv";

    private TargetsFile() {
    }

    /** The targets; a bad line is a {@link ConfigurationException} naming file and line. */
    static AnnualTargets read(Path jobsDir) {
        Path file = jobsDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return AnnualTargets.none();
        }
        Map<Integer, Map<String, BigDecimal>> byYear = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (JobsLine jobsLine : JobsLine.read(file, "cannot read the annual targets")) {
            int lineNo = jobsLine.number();
            String[] f = jobsLine.text().split("\t", -1);
            if (f.length != 3) {
                throw new ConfigurationException(file, lineNo, "expected year, indicator key and target separated by TABs");
            }
            String yearText = f[0].strip();
            if (!yearText.matches("(19|20|21)\\d\\d")) {
                throw new ConfigurationException(file, lineNo, "year must be four digits, e.g. 2020: " + yearText);
            }
            String key = f[1].strip();
            if (!AnnualTargets.KEYS.contains(key)) {
                throw new ConfigurationException(file, lineNo, "unknown indicator key '" + key
                        + "' (use a stock key such as cqo_enterprises or a flow's year-to-date key such as financing_amount_ytd)");
            }
            BigDecimal target = target(file, lineNo, f[2].strip());
            Integer earlier = seen.putIfAbsent(yearText + "\t" + key, lineNo);
            if (earlier != null) {
                throw new ConfigurationException(file, lineNo, "target for " + yearText + " " + key + " already set on line " + earlier);
            }
            byYear.computeIfAbsent(Integer.parseInt(yearText), y -> new LinkedHashMap<>()).put(key, target);
        }
        return new AnnualTargets(byYear);
    }

    private static BigDecimal target(Path file, int lineNo, String text) {
        BigDecimal target;
        try {
            target = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new ConfigurationException(file, lineNo, "target must be a number: " + text);
        }
        if (target.signum() <= 0) {
            throw new ConfigurationException(file, lineNo, "target must be greater than zero: " + text);
        }
        return target;
    }
}
