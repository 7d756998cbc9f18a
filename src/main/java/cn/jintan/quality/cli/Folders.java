package cn.jintan.quality.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The common options {@code --input --output --data --jobs} (and {@code --help}); unset ones keep the configured defaults. */
final class Folders {

    @Option(names = "--input", paramLabel = "DIR", descriptionKey = "cli.option.input")
    Path input;

    @Option(names = "--output", paramLabel = "DIR", descriptionKey = "cli.option.output")
    Path output;

    @Option(names = "--data", paramLabel = "DIR", descriptionKey = "cli.option.data")
    Path data;

    @Option(names = "--jobs", paramLabel = "DIR", descriptionKey = "cli.option.jobs")
    Path jobs;

    @Mixin
    HelpOption help;

    /** As Spring command-line properties. */
    List<String> asProperties() {
        List<String> args = new ArrayList<>();
        add(args, "qb.input", input);
        add(args, "qb.output", output);
        add(args, "qb.data", data);
        add(args, "qb.jobs", jobs); // over QB_JOBS too, as jobsDir() reads pipeline.conf from it
        return args;
    }

    /** {@code --jobs}, else the environment's {@code QB_JOBS}, else {@code jobs/}. */
    Path jobsDir() {
        return jobsDir(jobs);
    }

    static Path jobsDir(Path jobs) {
        if (jobs != null) {
            return jobs;
        }
        String env = System.getenv("QB_JOBS");
        return env == null || env.isBlank() ? Path.of("jobs") : Path.of(env);
    }

    private static void add(List<String> args, String key, Path value) {
        if (value != null) {
            args.add("--" + key + "=" + value);
        }
    }
}
