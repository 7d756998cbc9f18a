package cn.jintan.quality.config;

import cn.jintan.quality.OutputFiles;
import cn.jintan.quality.PipelineProperties;
import cn.jintan.quality.aggregate.BriefingFacts;
import cn.jintan.quality.delivery.Recipients;
import cn.jintan.quality.domain.AnnualTargets;
import cn.jintan.quality.domain.ConfigurationException;
import cn.jintan.quality.domain.UnitRegistry;
import cn.jintan.quality.job.Timetable;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.scheduling.support.CronExpression;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Every setting checked before the Spring context starts, so nothing opens the database or creates
 * {@code data/} on bad configuration: the {@code qb.*} properties bound from the same sources the
 * context will use (command line, system properties, environment such as {@code QB_SCHEDULE_CRON},
 * an {@code application.properties} beside the jar, then {@code jobs/pipeline.conf}), each value
 * checked, and every other {@code jobs/} file read.
 */
public final class StartupCheck {

    private StartupCheck() {
    }

    /**
     * @param jobsSettings the properties {@link JobsFile#load} read (the lowest precedence)
     * @param commandLine  Spring command-line arguments ({@code --qb.input=DIR})
     * @return the settings the context will bind
     * @throws ConfigurationException naming the file and line, or the setting and where it came from
     */
    public static PipelineProperties check(Map<String, Object> jobsSettings, List<String> commandLine) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(commandLine.toArray(String[]::new)));
        for (String file : List.of("config/application.properties", "application.properties")) {
            // what Spring Boot reads beside the jar, between the environment and pipeline.conf
            java.nio.file.Path path = java.nio.file.Path.of(file);
            if (java.nio.file.Files.isRegularFile(path)) {
                environment.getPropertySources().addLast(new org.springframework.core.env.PropertiesPropertySource(
                        path.toAbsolutePath().toString(), properties(path)));
            }
        }
        environment.getPropertySources().addLast(new MapPropertySource(JobsFile.FILE_NAME, jobsSettings));
        Iterable<ConfigurationPropertySource> sources = ConfigurationPropertySources.from(environment.getPropertySources());
        PipelineProperties properties;
        try {
            properties = new Binder(sources).bindOrCreate("qb", Bindable.of(PipelineProperties.class));
        } catch (BindException e) {
            ConfigurationProperty bad = e.getProperty();
            String name = bad != null ? bad.getName().toString() : e.getName().toString();
            throw new ConfigurationException(setting(sources, name), 0, "cannot use '"
                    + (bad != null ? bad.getValue() : "") + "': " + innermost(e));
        }
        require(sources, "qb.schedule-cron", properties.scheduleCron(), CronExpression::isValidExpression,
                "a cron expression of 6 fields, e.g. 0 0 2 * * *");
        require(sources, "qb.schedule-intake-every", properties.scheduleIntakeEvery(), Timetable::validEvery,
                "how often to take files during working hours, e.g. 5m, 90s or 1h (10s to 12h), or 0 for never");
        require(sources, "qb.schedule-intake-hours", properties.scheduleIntakeHours(), Timetable::validHours,
                "the working hours of the intake passes, e.g. 08:00-20:00 (start before end), or 0 for none");
        require(sources, "qb.max-file-megabytes", properties.maxFileMegabytes(), v -> v >= 1 && v <= 1024,
                "a whole number from 1 to 1024");
        require(sources, "qb.issuer", properties.issuer(), v -> !v.isBlank(), "the issuing body's name");
        require(sources, "qb.distribution", properties.distribution(), v -> !v.isBlank(), "the distribution line");
        require(sources, "qb.pause-per-file", properties.pausePerFile(), v -> !v.isNegative(), "a duration such as 0s");
        String umask = new Binder(sources).bind("qb.umask", String.class).orElse(OutputFiles.DEFAULT_UMASK);
        require(sources, "qb.umask", umask, v -> OutputFiles.parse(v) >= 0,
                "three octal digits such as 027 (owner and group), 077 (owner only) or 022 (everyone may read)");
        try {
            BriefingFacts.checkRankingKey(properties.rankingIndicator());
        } catch (ConfigurationException e) {
            throw new ConfigurationException(setting(sources, "qb.ranking-indicator"), 0, e.problem());
        }
        UnitRegistry.load(properties.jobs());
        AnnualTargets.load(properties.jobs());
        Recipients.load(properties.jobs());
        return properties;
    }

    private static java.util.Properties properties(java.nio.file.Path file) {
        java.util.Properties properties = new java.util.Properties();
        try (java.io.Reader in = java.nio.file.Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new ConfigurationException(file.toString(), 0, "cannot read: " + e.getMessage());
        }
        return properties;
    }

        private static <T> void require(Iterable<ConfigurationPropertySource> sources, String name, T value,
                                    Predicate<T> valid, String expected) {
        if (!valid.test(value)) {
            throw new ConfigurationException(setting(sources, name), 0, "must be " + expected + ", found: '" + value + "'");
        }
    }

    /** The setting's name and where its value came from, e.g. {@code qb.zone (System Environment Property "QB_ZONE")}. */
    private static String setting(Iterable<ConfigurationPropertySource> sources, String name) {
        ConfigurationPropertyName key = ConfigurationPropertyName.of(name);
        for (ConfigurationPropertySource source : sources) {
            ConfigurationProperty property = source.getConfigurationProperty(key);
            if (property != null) {
                return property.getOrigin() != null ? name + " (" + property.getOrigin() + ")"
                        : name + " (" + source.getUnderlyingSource() + ")";
            }
        }
        return name;
    }

    private static String innermost(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }
}
