package cn.jintan.quality.testing;

import cn.jintan.quality.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.test.JobRepositoryTestUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.support.TestPropertySourceUtils;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The temporary installation of one {@link PipelineTest} context: a root folder with
 * {@code input/}, {@code output/} and {@code data/} (the H2 database in {@code data/db/}, or a
 * database of its own on the embedded PostgreSQL: {@link EmbeddedPostgresql}), the repository's
 * {@code jobs/}, removed when the context closes. {@link #reset} returns it to what
 * the context started with, so test classes can share the context instead of building their own.
 */
public final class PipelineInstallation implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Logger log = LoggerFactory.getLogger(PipelineInstallation.class);
    /** Property sources of the test's own settings, which win over the installation's folders. */
    private static final List<String> TEST_SOURCES = List.of("Dynamic Test Properties",
            TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME);

    private Path root;
    /** The folders the context made at start-up, kept (emptied) by a reset. */
    private Set<Path> startFolders;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        try {
            root = Files.createTempDirectory("pipeline-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> settings = new HashMap<>(Map.of(
                "qb.input", root.resolve("input").toString(),
                "qb.output", root.resolve("output").toString(),
                "qb.data", root.resolve("data").toString(),
                "qb.jobs", Installation.repositoryJobs().toString()));
        if (EmbeddedPostgresql.chosen(context.getEnvironment())) {
            settings.put(Database.URL, EmbeddedPostgresql.newDatabase());
            settings.put(Database.USERNAME, EmbeddedPostgresql.USER);
        }
        MapPropertySource folders = new MapPropertySource("pipeline test installation", settings);
        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        TEST_SOURCES.stream().filter(sources::contains).reduce((first, last) -> last)
                .ifPresentOrElse(name -> sources.addAfter(name, folders), () -> sources.addFirst(folders));
        context.getBeanFactory().registerSingleton("pipelineInstallation", this);
        context.addApplicationListener((ApplicationListener<ContextClosedEvent>) event -> FileSystemUtils.deleteRecursively(root.toFile()));
        log.info("Pipeline test context on {} ({})", root, settings.getOrDefault(Database.URL, "H2"));
    }

    public Path root() {
        return root;
    }

    /** Forgets every run and submission and empties the folders; the first call only notes what start-up made. */
    void reset(ApplicationContext context) throws IOException {
        if (startFolders == null) {
            try (Stream<Path> paths = Files.walk(root)) {
                startFolders = paths.filter(Files::isDirectory).collect(Collectors.toSet());
            }
            return;
        }
        emptyTables(context.getBean(JdbcClient.class), context.getBean(Database.class));
        new JobRepositoryTestUtils(context.getBean(JobRepository.class)).removeJobExecutions();
        emptyFolders();
    }

    /**
     * Every table of ours (not Batch's, not Flyway's), whatever the migrations call them (H2 keeps
     * unquoted names in upper case, PostgreSQL in lower case).
     */
    private static void emptyTables(JdbcClient jdbc, Database database) {
        List<String> tables = jdbc.sql("""
                SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES
                WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND TABLE_TYPE = 'BASE TABLE'
                  AND UPPER(TABLE_NAME) NOT LIKE 'BATCH\\_%' ESCAPE '\\' AND TABLE_NAME <> 'flyway_schema_history'""")
                .query(String.class).list();
        if (database == Database.POSTGRESQL) {
            // one statement for all: the foreign keys between them allow it
            jdbc.sql("TRUNCATE TABLE " + tables.stream().map(t -> '"' + t + '"').collect(Collectors.joining(", "))
                    + " RESTART IDENTITY").update();
            return;
        }
        jdbc.sql("SET REFERENTIAL_INTEGRITY FALSE").update();
        try {
            tables.forEach(table -> jdbc.sql("TRUNCATE TABLE \"" + table + "\" RESTART IDENTITY").update());
        } finally {
            jdbc.sql("SET REFERENTIAL_INTEGRITY TRUE").update();
        }
    }

    private void emptyFolders() throws IOException {
        Path database = root.resolve("data/db");
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.filter(path -> !path.startsWith(database) && !startFolders.contains(path))
                    .sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : paths) {
            Files.delete(path);
        }
    }
}
