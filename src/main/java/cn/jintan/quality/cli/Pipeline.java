package cn.jintan.quality.cli;

import cn.jintan.quality.PipelineProperties;
import cn.jintan.quality.QualityBriefingApplication;
import cn.jintan.quality.job.NightlyRun;
import cn.jintan.quality.store.Database;
import cn.jintan.quality.store.ServerLock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

import cn.jintan.quality.config.JobsFiles;
import cn.jintan.quality.config.StartupCheck;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The Spring context of one command, closed by us rather than by Spring's shutdown hook: on
 * SIGTERM the run is first asked to stop at a file boundary and allowed to finish that file, so
 * it can be continued by the next run.
 */
final class Pipeline implements AutoCloseable {

    private static final long GRACE_SECONDS = 60;

    private final ConfigurableApplicationContext context;
    private final CountDownLatch closed = new CountDownLatch(1);
    private Thread hook;

    private Pipeline(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * Checks every setting and {@code jobs/} file first ({@link StartupCheck}), so bad configuration
     * exits 2 before the database is opened or {@code data/} created;
     * its settings become defaults that command-line options and the environment override.
     */
    static Pipeline start(Folders folders) {
        return start(folders, true, settings -> { });
    }

    /**
     * {@code run} and {@code schedule}: {@code input/} must be there, and on SIGTERM the nightly run
     * is asked to stop at a file boundary, after {@code alsoOnStop}.
     */
    static Pipeline startNightly(Folders folders, Runnable alsoOnStop) {
        Pipeline pipeline = start(folders, true, Pipeline::requireInput);
        NightlyRun nightlyRun = pipeline.nightlyRun();
        pipeline.onTermination(() -> {
            alsoOnStop.run();
            nightlyRun.stopRunning();
        });
        return pipeline;
    }

    /** @param check the command's own checks of the settings, also before anything is touched (throws {@link InputRefused}) */
    static Pipeline start(Folders folders, Consumer<PipelineProperties> check) {
        return start(folders, true, check);
    }

    /** @param guardHistory refuse a database that lost the history {@code data/archive/} holds ({@link HistoryGuard}) */
    static Pipeline start(Folders folders, boolean guardHistory) {
        return start(folders, guardHistory, settings -> { });
    }

    /**
     * {@code worker}: the settings checked, the database must be PostgreSQL; the context runs the
     * worker's side of remote intake (profile {@code worker}).
     */
    static Pipeline startWorker(Folders folders) {
        return start(folders, true, settings -> { }, true);
    }

    private static Pipeline start(Folders folders, boolean guardHistory, Consumer<PipelineProperties> check) {
        return start(folders, guardHistory, check, false);
    }

    private static Pipeline start(Folders folders, boolean guardHistory, Consumer<PipelineProperties> check,
                                  boolean worker) {
        Path jobs = folders.jobsDir();
        Map<String, Object> defaults = new HashMap<>(JobsFiles.settings(jobs));
        defaults.put("qb.jobs", jobs.toString());
        List<String> args = new ArrayList<>(folders.asProperties());
        check.accept(worker ? StartupCheck.checkWorker(defaults, args) : StartupCheck.check(defaults, args));
        if (worker) {
            args.add("--spring.profiles.active=worker");
        }
        if (System.console() != null) {
            // a person is watching: progress lines say what the per-file log lines would
            args.add("--logging.level.cn.jintan.quality=WARN");
        }
        if (guardHistory && StartupCheck.database(defaults, args) == Database.H2) {
            // a server's history is its administrators' business: no file of ours to inspect
            HistoryGuard.check(dataFolder(args, defaults));
        }
        SpringApplication app = new SpringApplication(QualityBriefingApplication.class);
        app.setRegisterShutdownHook(false);
        app.setDefaultProperties(defaults);
        ConfigurableApplicationContext context = app.run(args.toArray(String[]::new));
        // PostgreSQL has no file lock to keep a second command out: its advisory lock does (ServerLock).
        // Workers do not take it: they serve the manager that holds it (intake.mode = remote)
        if (!worker && !context.getBean(ServerLock.class).hold()) {
            context.close();
            throw new DatabaseRefused(cn.jintan.quality.messages.Messages.catalogue().get("cli.error.locked"));
        }
        return new Pipeline(context);
    }

    /**
     * The drop box must be there: a missing one is an unmounted share or a wrong path, not "no files"
     * (an empty folder is fine). {@code output/} and {@code data/} are the pipeline's own and created.
     */
    static void requireInput(PipelineProperties settings) {
        if (!java.nio.file.Files.isDirectory(settings.input())) {
            throw new InputRefused(cn.jintan.quality.messages.Messages.catalogue()
                    .get("cli.error.input.missing", settings.input().toAbsolutePath().normalize()));
        }
    }

    /** {@code qb.data} as the context will see it (command line, system properties, environment, jobs/), before it starts. */
    static Path dataFolder(List<String> args, Map<String, Object> defaults) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args.toArray(String[]::new)));
        environment.getPropertySources().addLast(new MapPropertySource("jobs", defaults));
        return Binder.get(environment).bind("qb.data", Path.class).orElse(Path.of("data"));
    }

    /** The data folder of a command's options and {@code jobs/}. */
    static Path dataFolder(Folders folders) {
        return dataFolder(folders.asProperties(), new HashMap<>(JobsFiles.settings(folders.jobsDir())));
    }

    /** The database of a command's options and {@code jobs/}, before the context opens it. */
    static Database database(Folders folders) {
        return StartupCheck.database(new HashMap<>(JobsFiles.settings(folders.jobsDir())), folders.asProperties());
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    NightlyRun nightlyRun() {
        return context.getBean(NightlyRun.class);
    }

    /** On SIGTERM (or Ctrl-C): {@code stop}, then wait for the command to wind down and close. */
    void onTermination(Runnable stop) {
        hook = new Thread(() -> {
            stop.run();
            try {
                closed.await(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "graceful-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void close() {
        try {
            context.close();
        } finally {
            closed.countDown();
            if (hook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // already shutting down: the hook is waiting for us, which countDown() released
                }
            }
        }
    }
}
