package cn.jintan.quality.report;

import cn.jintan.quality.JsonFiles;
import cn.jintan.quality.PipelineProperties;
import cn.jintan.quality.aggregate.Briefing;
import cn.jintan.quality.aggregate.BriefingFacts;
import cn.jintan.quality.aggregate.PeriodFigures;
import cn.jintan.quality.domain.Period;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;

/** Renders everything of one period under {@code output/briefings/YYYY-MM/}. */
@Service
public class PeriodReports {

    private static final Logger log = LoggerFactory.getLogger(PeriodReports.class);

    private final BriefingFacts facts;
    private final FiguresJsonWriter figuresJson;
    private final BriefingRenderer briefing;
    private final Path folder;
    private final Clock clock;

    PeriodReports(BriefingFacts facts, JsonFiles json, BriefingRenderer briefing, PipelineProperties properties,
                  Clock clock) {
        this.facts = facts;
        this.figuresJson = new FiguresJsonWriter(json);
        this.briefing = briefing;
        this.folder = properties.output().resolve("briefings");
        this.clock = clock;
    }

    /** Computes the period's figures and writes its figures JSON and briefing PDF. */
    public PeriodFigures render(Period period) {
        Briefing briefing = facts.of(period);
        PeriodFigures figures = briefing.figures();
        Path dir = folder.resolve(period.toString());
        OffsetDateTime now = OffsetDateTime.now(clock);
        figuresJson.write(figures, now, dir.resolve("figures-" + period + ".json"));
        Path pdf = dir.resolve("briefing-" + period + ".pdf");
        this.briefing.render(briefing, now.toLocalDate(), pdf);
        log.info("Rendered period {}: {} of {} units accepted -> {}", period, figures.acceptedUnits().size(),
                figures.units().size(), pdf);
        return figures;
    }
}
