package cn.jintan.quality.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The common options {@code --input --output --data --jobs}; unset ones keep the configured defaults. */
final class Folders {

    @Option(names = "--input", paramLabel = "DIR", descriptionKey = "cli.option.input")
    Path input;

    @Option(names = "--output", paramLabel = "DIR", descriptionKey = "cli.option.output")
    Path output;

    @Option(names = "--data", paramLabel = "DIR", descriptionKey = "cli.option.data")
    Path data;

    @Option(names = "--jobs", paramLabel = "DIR", descriptionKey = "cli.option.jobs")
    Path jobs;

    /** As Spring command-line properties. */
    List<String> asProperties() {
        List<String> args = new ArrayList<>();
        add(args, "qb.input", input);
        add(args, "qb.output", output);
        add(args, "qb.data", data);
        add(args, "qb.jobs", jobs);
        return args;
    }

    Path jobsOrDefault() {
        return jobs == null ? Path.of("jobs") : jobs;
    }

    private static void add(List<String> args, String key, Path value) {
        if (value != null) {
            args.add("--" + key + "=" + value);
        }
    }
}
