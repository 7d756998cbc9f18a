package cn.jintan.quality.config;

import cn.jintan.quality.OutputFiles;
import cn.jintan.quality.domain.ConfigLine;
import cn.jintan.quality.domain.ConfigurationException;
import org.springframework.scheduling.support.CronExpression;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code jobs/pipeline.conf}: the operators' settings, read and checked before anything starts.
 * Each key maps to a {@code qb.*} property; a bad line is a {@link ConfigurationException}
 * naming the file and line.
 */
public final class JobsFile {

    public static final String FILE_NAME = "pipeline.conf";

    /** A setting: the property it sets and what a valid value is. */
    private record Setting(String property, String expected, Predicate<String> valid) {
    }

    private static final Map<String, Setting> SETTINGS = new LinkedHashMap<>();

    static {
        SETTINGS.put("schedule.cron", new Setting("qb.schedule-cron",
                "a cron expression of 6 fields, e.g. 0 0 2 * * *", CronExpression::isValidExpression));
        SETTINGS.put("schedule.intake.every", new Setting("qb.schedule-intake-every",
                "how often to take files during working hours, e.g. 5m, 90s or 1h (10s to 12h), or 0 for never",
                cn.jintan.quality.job.Timetable::validEvery));
        SETTINGS.put("schedule.intake.hours", new Setting("qb.schedule-intake-hours",
                "the working hours of the intake passes, e.g. 08:00-20:00 (start before end), or 0 for none",
                cn.jintan.quality.job.Timetable::validHours));
        SETTINGS.put("zone", new Setting("qb.zone", "a time zone such as Asia/Shanghai", JobsFile::isZone));
        SETTINGS.put("folders.input", new Setting("qb.input", "a folder", v -> !v.isBlank()));
        SETTINGS.put("folders.output", new Setting("qb.output", "a folder", v -> !v.isBlank()));
        SETTINGS.put("folders.data", new Setting("qb.data", "a folder", v -> !v.isBlank()));
        SETTINGS.put("limits.max-file-mb", new Setting("qb.max-file-megabytes", "a whole number from 1 to 1024",
                v -> v.matches("\\d{1,4}") && Integer.parseInt(v) >= 1 && Integer.parseInt(v) <= 1024));
        SETTINGS.put("backup.keep", new Setting("qb.backup-keep", "a whole number from 0 (no backups) to 999",
                v -> v.matches("\\d{1,3}")));
        SETTINGS.put("briefing.issuer", new Setting("qb.issuer", "the issuing body's name", v -> !v.isBlank()));
        SETTINGS.put("permissions.umask", new Setting("qb.umask",
                "three octal digits: 027 (owner and group, the default), 077 (owner only) or 022 (everyone may read)",
                v -> OutputFiles.parse(v) >= 0));
        SETTINGS.put("briefing.distribution", new Setting("qb.distribution", "the distribution line", v -> !v.isBlank()));
    }

    private JobsFile() {
    }

    /** The {@code qb.*} properties the file sets; none when the file does not exist. */
    public static Map<String, String> load(Path jobsDir) {
        Path file = jobsDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return Map.of();
        }
        Map<String, String> properties = new LinkedHashMap<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (ConfigLine configLine : ConfigLine.read(file, "cannot read")) {
            String line = configLine.text();
            int lineNo = configLine.number();
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new ConfigurationException(file, lineNo, "expected 'key = value', found: " + line);
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            Setting setting = SETTINGS.get(key);
            if (setting == null) {
                throw new ConfigurationException(file, lineNo, "unknown setting '" + key + "'; known: "
                        + String.join(", ", SETTINGS.keySet()));
            }
            Integer earlier = seen.putIfAbsent(key, lineNo);
            if (earlier != null) {
                throw new ConfigurationException(file, lineNo, "'" + key + "' is already set on line " + earlier);
            }
            if (!setting.valid().test(value)) {
                throw new ConfigurationException(file, lineNo, "'" + key + "' must be " + setting.expected()
                        + ", found: '" + value + "'");
            }
            properties.put(setting.property(), value);
        }
        return properties;
    }

    private static boolean isZone(String value) {
        try {
            ZoneId.of(value);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
