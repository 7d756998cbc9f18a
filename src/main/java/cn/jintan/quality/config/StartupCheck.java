package cn.jintan.quality.config;

import cn.jintan.quality.PipelineProperties;
import cn.jintan.quality.domain.ConfigurationException;
import cn.jintan.quality.store.Database;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.support.SpringApplicationJsonEnvironmentPostProcessor;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Every setting checked before the Spring context starts, so nothing opens the database or creates
 * {@code data/} on bad configuration: each {@code qb.*} value, from whichever source the context will
 * take it (command line, system properties, {@code SPRING_APPLICATION_JSON}, environment such as
 * {@code QB_SCHEDULE_CRON}, an {@code application.properties} beside the jar, then
 * {@code jobs/pipeline.conf}), is checked against the one table of {@link Setting}s before the
 * settings record is bound; then every other {@code jobs/} file is read.
 */
public final class StartupCheck {

    private StartupCheck() {
    }

    /**
     * @param jobsSettings the properties {@link JobsFiles#settings} read (the lowest precedence)
     * @param commandLine  Spring command-line arguments ({@code --qb.input=DIR})
     * @return the settings the context will bind
     * @throws ConfigurationException naming the file and line, or the setting and where it came from
     */
    public static PipelineProperties check(Map<String, Object> jobsSettings, List<String> commandLine) {
        Iterable<ConfigurationPropertySource> sources = sources(jobsSettings, commandLine);
        Binder binder = new Binder(sources);
        for (Setting setting : Setting.values()) {
            String value = binder.bind(setting.property(), String.class).orElse(null);
            String problem = value == null ? null : setting.problem(value);
            if (problem != null) {
                throw new ConfigurationException(origin(sources, setting.property()), 0, problem);
            }
        }
        PipelineProperties properties;
        try {
            properties = binder.bindOrCreate("qb", Bindable.of(PipelineProperties.class));
        } catch (BindException e) {
            ConfigurationProperty bad = e.getProperty();
            String name = bad != null ? bad.getName().toString() : e.getName().toString();
            throw new ConfigurationException(origin(sources, name), 0, "cannot use '"
                    + (bad != null ? bad.getValue() : "") + "': " + innermost(e));
        }
        if (properties.remoteIntake() && !postgres(binder)) {
            throw new ConfigurationException(origin(sources, Setting.INTAKE_MODE.property()), 0, REMOTE_NEEDS_POSTGRES);
        }
        JobsFiles.checkTheOthers(properties.jobs());
        return properties;
    }

    /** Why remote intake, or a worker, cannot run on the embedded database. */
    private static final String REMOTE_NEEDS_POSTGRES = "remote intake needs the PostgreSQL database every process "
            + "shares (spring.datasource.url = jdbc:postgresql://...); the embedded H2 database belongs to one process";

    /**
     * The {@code worker} command: the same checks, and a shared PostgreSQL database.
     *
     * @throws ConfigurationException naming {@code spring.datasource.url} when it is not PostgreSQL
     */
    public static PipelineProperties checkWorker(Map<String, Object> jobsSettings, List<String> commandLine) {
        PipelineProperties properties = check(jobsSettings, commandLine);
        if (database(jobsSettings, commandLine) != Database.POSTGRESQL) {
            throw new ConfigurationException(Database.URL, 0, REMOTE_NEEDS_POSTGRES);
        }
        return properties;
    }

    private static boolean postgres(Binder binder) {
        return binder.bind(Database.URL, String.class).map(Database::ofUrl).orElse(Database.H2) == Database.POSTGRESQL;
    }

    /** The database ({@code spring.datasource.url}) the context will open, from the same sources as {@link #check}. */
    public static Database database(Map<String, Object> jobsSettings, List<String> commandLine) {
        return new Binder(sources(jobsSettings, commandLine)).bind(Database.URL, String.class)
                .map(Database::ofUrl).orElse(Database.H2);
    }

    /** The sources the context will bind, in its order of precedence. */
    private static Iterable<ConfigurationPropertySource> sources(Map<String, Object> jobsSettings, List<String> commandLine) {
        StandardEnvironment environment = new StandardEnvironment();
        // SPRING_APPLICATION_JSON goes first, then the command line above it, as Spring Boot orders them
        new SpringApplicationJsonEnvironmentPostProcessor().postProcessEnvironment(environment, null);
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(commandLine.toArray(String[]::new)));
        for (String file : List.of("config/application.properties", "application.properties")) {
            // what Spring Boot reads beside the jar, between the environment and pipeline.conf
            Path path = Path.of(file);
            if (Files.isRegularFile(path)) {
                environment.getPropertySources().addLast(new PropertiesPropertySource(
                        path.toAbsolutePath().toString(), properties(path)));
            }
        }
        environment.getPropertySources().addLast(new MapPropertySource(JobsFile.FILE_NAME, jobsSettings));
        return ConfigurationPropertySources.from(environment.getPropertySources());
    }

    private static Properties properties(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigurationException(file.toString(), 0, "cannot read: " + e.getMessage());
        }
        return properties;
    }

    /** The setting's name and where its value came from, e.g. {@code qb.zone (System Environment Property "QB_ZONE")}. */
    private static String origin(Iterable<ConfigurationPropertySource> sources, String name) {
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
