package cn.jintan.quality.cli;

import cn.jintan.quality.domain.Period;
import cn.jintan.quality.config.JobsFiles;
import cn.jintan.quality.messages.Messages;
import cn.jintan.quality.samples.SampleWorkbooks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code samples --out DIR [--from YYYY-MM] [--to YYYY-MM]}: the bundled sample submissions, 2019-01..2020-11
 * (they reproduce the reference case), or the months of a shorter range.
 */
@Command(name = "samples", header = "${bundle:cli.usage.samples}")
final class SamplesCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", required = true, descriptionKey = "cli.option.out")
    Path out;

    @Option(names = "--from", paramLabel = "YYYY-MM", descriptionKey = "cli.option.samples.from",
            converter = ReportCommand.PeriodConverter.class)
    Period from = SampleWorkbooks.FIRST;

    @Option(names = "--to", paramLabel = "YYYY-MM", descriptionKey = "cli.option.samples.to",
            converter = ReportCommand.PeriodConverter.class)
    Period to = SampleWorkbooks.LAST;

    @Mixin
    JobsFolder jobs; // the unit registry: the only folder this command reads


    @Override
    public Integer call() {
        if (from.compareTo(SampleWorkbooks.FIRST) < 0 || to.compareTo(SampleWorkbooks.LAST) > 0 || from.compareTo(to) > 0) {
            System.err.println(Messages.catalogue().get("cli.error.samples.range", from, to,
                    SampleWorkbooks.FIRST, SampleWorkbooks.LAST));
            return Main.USAGE;
        }
        List<Path> written = SampleWorkbooks.write(out, JobsFiles.units(jobs.dir()), from, to);
        System.out.println(Messages.catalogue().get("cli.samples.done", written.size(), out));
        return Main.OK;
    }
}
