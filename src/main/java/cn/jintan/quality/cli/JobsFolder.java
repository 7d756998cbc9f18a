package cn.jintan.quality.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --jobs} alone (and {@code --help}), for the commands that read only {@code jobs/} (the unit registry), not the pipeline's folders. */
final class JobsFolder {

    @Option(names = "--jobs", paramLabel = "DIR", descriptionKey = "cli.option.jobs")
    Path jobs;

    @Mixin
    HelpOption help;

    /** {@code --jobs}, else the environment's {@code QB_JOBS}, else {@code jobs/}. */
    Path dir() {
        return Folders.jobsDir(jobs);
    }
}
