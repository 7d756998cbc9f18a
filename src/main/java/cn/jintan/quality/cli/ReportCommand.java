package cn.jintan.quality.cli;

import cn.jintan.quality.PipelineProperties;
import cn.jintan.quality.aggregate.PeriodFigures;
import cn.jintan.quality.domain.Period;
import cn.jintan.quality.messages.Messages;
import cn.jintan.quality.report.PeriodReports;
import cn.jintan.quality.store.SubmissionStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

/**
 * {@code report --period YYYY-MM [--date YYYY-MM-DD]}: renders one period's briefing again from the
 * database, dated as first issued, or {@code --date} (then stored for later renders).
 */
@Command(name = "report", header = "${bundle:cli.usage.report}")
final class ReportCommand implements Callable<Integer> {

    @Option(names = "--period", paramLabel = "YYYY-MM", required = true, descriptionKey = "cli.option.period",
            converter = PeriodConverter.class)
    Period period;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", descriptionKey = "cli.option.date", converter = DateConverter.class)
    LocalDate date;

    @Mixin
    Folders folders;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;


    @Override
    public Integer call() {
        Messages m = Messages.catalogue();
        if (date != null && date.isBefore(period.month().atDay(1))) {
            // checked before the database is opened, like every command-line problem (exit 2)
            throw new UsageErrors.Refused(spec.commandLine(), m.get("cli.error.date.early", date, period));
        }
        try (Pipeline pipeline = Pipeline.start(folders, this::requireBegun)) {
            if (pipeline.context().getBean(SubmissionStore.class).forPeriod(period.toString()).isEmpty()) {
                // a mistyped period would otherwise become an empty briefing; one with only rejected
                // submissions is rendered: its coverage (who reported, who was rejected) is the news
                throw new InputRefused(m.get("cli.error.period.empty", period));
            }
            PeriodFigures figures = pipeline.context().getBean(PeriodReports.class).render(period, date).figures();
            Path output = pipeline.context().getBean(PipelineProperties.class).output()
                    .resolve("briefings").resolve(period.toString()).toAbsolutePath().normalize();
            System.out.println(m.get("cli.report.done", period, figures.acceptedUnits().size(),
                    figures.units().size(), output));
            return Main.OK;
        }
    }

    /** A period after this month (in the configured zone), or any period of a new installation: refused before the database is opened. */
    private void requireBegun(PipelineProperties settings) {
        LocalDate today = LocalDate.now(settings.zone());
        if (period.month().isAfter(YearMonth.from(today))) {
            throw new InputRefused(Messages.catalogue().get("cli.error.period.future", period, settings.zone(), today));
        }
        if (DatabaseState.inspect(settings.data()).kind() == DatabaseState.Kind.ABSENT
                && DatabaseState.archivedFiles(settings.data()) == 0) {
            // a new installation holds no submission at all: said without creating data/ (a lost database is HistoryGuard's)
            throw new InputRefused(Messages.catalogue().get("cli.error.period.empty", period));
        }
    }

    /** {@code 2020-12-03}, a real calendar day; anything else is a usage error (exit 2). */
    static final class DateConverter implements CommandLine.ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value.strip()); // ISO, strict: 2020-02-30 is refused
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException(Messages.catalogue().get("cli.error.date", value));
            }
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
