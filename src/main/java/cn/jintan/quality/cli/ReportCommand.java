package cn.jintan.quality.cli;

import cn.jintan.quality.PipelineProperties;
import cn.jintan.quality.aggregate.PeriodFigures;
import cn.jintan.quality.domain.Period;
import cn.jintan.quality.messages.Messages;
import cn.jintan.quality.report.PeriodReports;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code report --period YYYY-MM}: renders one period's briefing again from the database. */
@Command(name = "report")
final class ReportCommand implements Callable<Integer> {

    @Option(names = "--period", paramLabel = "YYYY-MM", required = true, descriptionKey = "cli.option.period",
            converter = PeriodConverter.class)
    Period period;

    @Mixin
    Folders folders;

    @Option(names = {"-h", "--help"}, usageHelp = true, descriptionKey = "cli.option.help")
    boolean help;

    @Override
    public Integer call() {
        try (Pipeline pipeline = Pipeline.start(folders)) {
            PeriodFigures figures = pipeline.context().getBean(PeriodReports.class).render(period).figures();
            Path output = pipeline.context().getBean(PipelineProperties.class).output()
                    .resolve("briefings").resolve(period.toString()).toAbsolutePath().normalize();
            System.out.println(Messages.catalogue().get("cli.report.done", period, figures.acceptedUnits().size(),
                    figures.units().size(), output));
            return Main.OK;
        }
    }

    /** {@code 2020-11} (or another spelling staff use) → Period; anything else is a usage error (exit 2). */
    static final class PeriodConverter implements CommandLine.ITypeConverter<Period> {
        @Override
        public Period convert(String value) {
            return Period.parse(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                    Messages.catalogue().get("cli.error.period", value)));
        }
    }
}
