package cn.jintan.quality.config;

import cn.jintan.quality.OutputFiles;
import cn.jintan.quality.domain.Indicator;
import cn.jintan.quality.job.Timetable;
import cn.jintan.quality.store.Database;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.scheduling.support.CronExpression;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Every {@code qb.*} setting (and the database's {@code spring.datasource.*}) and what a valid value is: the one table both {@code jobs/pipeline.conf}
 * ({@link JobsFile}, by its key) and every other source ({@link StartupCheck}, by its property) are
 * checked against. In {@code pipeline.conf} order; the last ones have no key there.
 */
enum Setting {

    SCHEDULE_CRON("qb.schedule-cron", "schedule.cron", "a cron expression of 6 fields, e.g. 0 0 2 * * *",
            CronExpression::isValidExpression),
    SCHEDULE_INTAKE_EVERY("qb.schedule-intake-every", "schedule.intake.every",
            "how often to take files during working hours, e.g. 5m, 90s or 1h (10s to 12h), or 0 for never",
            Timetable::validEvery),
    SCHEDULE_INTAKE_HOURS("qb.schedule-intake-hours", "schedule.intake.hours",
            "the working hours of the intake passes, e.g. 08:00-20:00 (start before end), or 0 for none",
            Timetable::validHours),
    ZONE("qb.zone", "zone", "a time zone such as Asia/Shanghai", Setting::isZone),
    INPUT("qb.input", "folders.input", "a folder", v -> !v.isBlank()),
    OUTPUT("qb.output", "folders.output", "a folder", v -> !v.isBlank()),
    DATA("qb.data", "folders.data", "a folder", v -> !v.isBlank()),
    MAX_FILE_MEGABYTES("qb.max-file-megabytes", "limits.max-file-mb", "a whole number from 1 to 1024",
            v -> v.matches("\\d{1,4}") && Integer.parseInt(v) >= 1 && Integer.parseInt(v) <= 1024),
    BACKUP_KEEP("qb.backup-keep", "backup.keep", "a whole number from 0 (no backups) to 999", v -> v.matches("\\d{1,3}")),
    ISSUER("qb.issuer", "briefing.issuer", "the issuing body's name", v -> !v.isBlank()),
    UMASK("qb.umask", "permissions.umask",
            "three octal digits: 027 (owner and group, the default), 077 (owner only) or 022 (everyone may read)",
            v -> OutputFiles.parse(v) >= 0),
    DISTRIBUTION("qb.distribution", "briefing.distribution", "the distribution line", v -> !v.isBlank()),
    DATABASE_URL(Database.URL, "database.url",
            "a PostgreSQL JDBC URL such as jdbc:postgresql://db-server:5432/quality, or nothing for the embedded H2 database",
            Database::acceptsUrl),
    DATABASE_USERNAME(Database.USERNAME, "database.username", "a user name", v -> !v.isBlank()),
    INTAKE_WORKERS("qb.intake-workers", "intake.workers",
            "a whole number from 1 to 32 (files checked at once, one unit each), or 0 for the processors, at most 4",
            v -> v.matches("\\d{1,2}") && Integer.parseInt(v) <= 32),
    INTAKE_MODE("qb.intake-mode", "intake.mode",
            "local (this process's threads) or remote (worker processes sharing a PostgreSQL database)",
            v -> v.equals("local") || v.equals("remote")),
    INTAKE_WORKER_TIMEOUT("qb.intake-worker-timeout", "intake.worker-timeout",
            "how long a worker may be silent before its partition is failed, e.g. 60s or 5m (5s to 1h)",
            Setting::isWorkerTimeout),
    PAUSE_PER_FILE("qb.pause-per-file", null, "a duration such as 0s", Setting::isPause),
    RANKING_INDICATOR("qb.ranking-indicator", null, null, Setting::isFigureKey);

    private final String property;
    private final String key;
    private final String expected;
    private final Predicate<String> valid;

    Setting(String property, String key, String expected, Predicate<String> valid) {
        this.property = property;
        this.key = key;
        this.expected = expected;
        this.valid = valid;
    }

    String property() {
        return property;
    }

    /** The key in {@code pipeline.conf}; null when the setting has none. */
    String key() {
        return key;
    }

    static Optional<Setting> byKey(String key) {
        return Arrays.stream(values()).filter(s -> key.equals(s.key)).findFirst();
    }

    /** What is wrong with {@code value}, or null when nothing is. */
    String problem(String value) {
        if (valid.test(value)) {
            return null;
        }
        return expected == null
                ? "unknown indicator key '" + value + "' (e.g. financing_amount_ytd, cqo_enterprises)"
                : "must be " + expected + ", found: '" + value + "'";
    }

    private static boolean isZone(String value) {
        try {
            ZoneId.of(value);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static boolean isPause(String value) {
        try {
            return !DurationStyle.detectAndParse(value).isNegative();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isWorkerTimeout(String value) {
        try {
            java.time.Duration d = DurationStyle.detectAndParse(value);
            return d.compareTo(java.time.Duration.ofSeconds(5)) >= 0 && d.compareTo(java.time.Duration.ofHours(1)) <= 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Ranking needs a figure: a stock's key or a flow's month or year-to-date key. */
    private static boolean isFigureKey(String value) {
        return Arrays.stream(Indicator.values()).anyMatch(i -> i.key().equals(value) || i.ytdKey().equals(value));
    }
}
