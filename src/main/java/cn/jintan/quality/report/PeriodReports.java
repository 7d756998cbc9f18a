package cn.jintan.quality.report;

import cn.jintan.quality.JsonFiles;
import cn.jintan.quality.PipelineProperties;
import cn.jintan.quality.aggregate.Briefing;
import cn.jintan.quality.aggregate.BriefingFacts;
import cn.jintan.quality.aggregate.FigureCalculator;
import cn.jintan.quality.aggregate.PeriodFigures;
import cn.jintan.quality.domain.Period;
import cn.jintan.quality.messages.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Renders everything of one period under {@code output/briefings/YYYY-MM/}: figures JSON, the
 * briefing PDF, one page per unit under {@code units/} and the summary workbook.
 */
@Service
public class PeriodReports {

    private static final Logger log = LoggerFactory.getLogger(PeriodReports.class);

    private final BriefingFacts facts;
    private final FiguresJsonWriter figuresJson;
    private final BriefingRenderer briefing;
    private final UnitPageRenderer unitPages;
    private final FigureCalculator calculator;
    private final SummaryWorkbook summary = new SummaryWorkbook(Messages.catalogue());
    private final IssueDates issueDates;
    private final Path folder;
    private final Clock clock;

    PeriodReports(BriefingFacts facts, FigureCalculator calculator, JsonFiles json, BriefingRenderer briefing,
                  UnitPageRenderer unitPages, IssueDates issueDates, PipelineProperties properties, Clock clock) {
        this.facts = facts;
        this.calculator = calculator;
        this.figuresJson = new FiguresJsonWriter(json, new DataNotes(Messages.catalogue()));
        this.briefing = briefing;
        this.unitPages = unitPages;
        this.issueDates = issueDates;
        this.folder = properties.output().resolve("briefings");
        this.clock = clock;
    }

    /**
     * Computes the period's briefing and writes all its files, dated the day the period was first
     * issued (today for a first issue); returns what was rendered.
     */
    public Rendered render(Period period) {
        return render(period, null);
    }

    /**
     * As {@link #render(Period)}, dated {@code issueDate} when given: that date is stored and
     * kept by later renders (report --date).
     */
    public Rendered render(Period period, LocalDate issueDate) {
        Briefing facts = this.facts.of(period);
        PeriodFigures figures = facts.figures();
        Path dir = folder.resolve(period.toString());
        LocalDate issued = issueDate != null ? issueDate : issueDates.of(period);
        figuresJson.write(facts, OffsetDateTime.now(clock), issued, dir.resolve("figures-" + period + ".json"));
        Path pdf = briefingPdf(period);
        briefing.render(facts, issued, pdf);
        unitPages.renderAll(facts, issued, unit -> dir.resolve("units").resolve(unit.unit().code() + "-" + period + ".pdf"));
        summary.write(facts, dir.resolve("summary-" + period + ".xlsx"));
        issueDates.issued(period, issued, issueDate != null);
        log.info("Rendered period {} (issued {}): {} of {} units accepted -> {}", period, issued,
                figures.acceptedUnits().size(), figures.units().size(), pdf);
        return new Rendered(figures, pdf, briefing.leadParagraph(figures), briefing.title(figures));
    }

    /** What {@link #render} produced for a period, without rendering again (for delivery). */
    public Rendered rendered(Period period) {
        // the figures alone: the whole briefing (comparisons, details, twelve months of trend) is not needed
        PeriodFigures figures = calculator.compute(period);
        return new Rendered(figures, briefingPdf(period), briefing.leadParagraph(figures), briefing.title(figures));
    }

    public Path briefingPdf(Period period) {
        return folder.resolve(period.toString()).resolve("briefing-" + period + ".pdf");
    }

    /** A rendered period: its figures, the briefing PDF, the lead paragraph and the briefing's title. */
    public record Rendered(PeriodFigures figures, Path pdf, String lead, String title) {
    }
}
