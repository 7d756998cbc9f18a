package cn.jintan.quality.config;

import cn.jintan.quality.domain.ConfigurationException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * {@code jobs/pipeline.conf}: the operators' settings, read and checked before anything starts.
 * Each key maps to a {@code qb.*} property ({@link Setting}); a bad line is a
 * {@link ConfigurationException} naming the file and line.
 */
final class JobsFile {

    static final String FILE_NAME = "pipeline.conf";

    private JobsFile() {
    }

    /** The {@code qb.*} properties the file sets; none when the file does not exist. */
    static Map<String, String> load(Path jobsDir) {
        Path file = jobsDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return Map.of();
        }
        Map<String, String> properties = new LinkedHashMap<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (JobsLine jobsLine : JobsLine.read(file, "cannot read")) {
            String line = jobsLine.text();
            int lineNo = jobsLine.number();
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new ConfigurationException(file, lineNo, "expected 'key = value', found: " + line);
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            Setting setting = Setting.byKey(key).orElseThrow(() -> new ConfigurationException(file, lineNo,
                    "unknown setting '" + key + "'; known: " + knownKeys()));
            Integer earlier = seen.putIfAbsent(key, lineNo);
            if (earlier != null) {
                throw new ConfigurationException(file, lineNo, "'" + key + "' is already set on line " + earlier);
            }
            String problem = setting.problem(value);
            if (problem != null) {
                throw new ConfigurationException(file, lineNo, "'" + key + "' " + problem);
            }
            properties.put(setting.property(), value);
        }
        return properties;
    }

    private static String knownKeys() {
        return Arrays.stream(Setting.values()).map(Setting::key).filter(Objects::nonNull)
                .collect(Collectors.joining(", "));
    }
}
