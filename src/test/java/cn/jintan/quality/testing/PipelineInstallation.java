package cn.jintan.quality.testing;

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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The temporary installation of one {@link PipelineTest} context: a root folder with
 * {@code input/}, {@code output/} and {@code data/} (the H2 database in {@code data/db/}), the
 * repository's {@code jobs/}, removed when the context closes. {@link #reset} returns it to what
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
        MapPropertySource folders = new MapPropertySource("pipeline test installation", Map.of(
                "qb.input", root.resolve("input").toString(),
                "qb.output", root.resolve("output").toString(),
                "qb.data", root.resolve("data").toString(),
                "qb.jobs", Installation.repositoryJobs().toString()));
        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        TEST_SOURCES.stream().filter(sources::contains).reduce((first, last) -> last)
                .ifPresentOrElse(name -> sources.addAfter(name, folders), () -> sources.addFirst(folders));
        context.getBeanFactory().registerSingleton("pipelineInstallation", this);
        context.addApplicationListener((ApplicationListener<ContextClosedEvent>) event -> FileSystemUtils.deleteRecursively(root.toFile()));
        log.info("Pipeline test context on {}", root);
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
        emptyTables(context.getBean(JdbcClient.class));
        new JobRepositoryTestUtils(context.getBean(JobRepository.class)).removeJobExecutions();
        emptyFolders();
    }

    /** Every table of ours (not Batch's, not Flyway's), whatever the migrations call them. */
    private static void emptyTables(JdbcClient jdbc) {
        List<String> tables = jdbc.sql("""
                SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES
                WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE'
                  AND TABLE_NAME NOT LIKE 'BATCH\\_%' ESCAPE '\\' AND TABLE_NAME <> 'flyway_schema_history'""")
                .query(String.class).list();
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
