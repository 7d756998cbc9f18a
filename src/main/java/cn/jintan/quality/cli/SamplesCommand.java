package cn.jintan.quality.cli;

import cn.jintan.quality.domain.UnitRegistry;
import cn.jintan.quality.messages.Messages;
import cn.jintan.quality.samples.SampleWorkbooks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code samples --out DIR}: the bundled sample submissions (they reproduce the reference case). */
@Command(name = "samples")
final class SamplesCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", required = true, descriptionKey = "cli.option.out")
    Path out;

    @Mixin
    Folders folders;

    @picocli.CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, descriptionKey = "cli.option.help")
    boolean help;

    @Override
    public Integer call() {
        List<Path> written = SampleWorkbooks.write(out, UnitRegistry.load(folders.jobsDir()));
        System.out.println(Messages.catalogue().get("cli.samples.done", written.size(), out));
        return Main.OK;
    }
}
