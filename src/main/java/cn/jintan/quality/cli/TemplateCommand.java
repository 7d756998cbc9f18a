package cn.jintan.quality.cli;

import cn.jintan.quality.config.JobsFiles;
import cn.jintan.quality.messages.Messages;
import cn.jintan.quality.template.SubmissionTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code template --out FILE}: the blank submission workbook, from the validator's own tables. */
@Command(name = "template", header = "${bundle:cli.usage.template}")
final class TemplateCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "FILE", required = true, descriptionKey = "cli.option.template.out")
    Path out;

    @Mixin
    JobsFolder jobs; // the unit registry: the only folder this command reads


    @Override
    public Integer call() {
        if (SubmissionTemplate.Format.of(out).isEmpty()) {
            // writing xlsx bytes under another name would give staff a file Excel refuses to open
            System.err.println(Messages.catalogue().get("cli.error.template.extension", out));
            return Main.USAGE;
        }
        new SubmissionTemplate(JobsFiles.units(jobs.dir())).write(out);
        System.out.println(Messages.catalogue().get("cli.template.done", out.toAbsolutePath().normalize()));
        return Main.OK;
    }
}
