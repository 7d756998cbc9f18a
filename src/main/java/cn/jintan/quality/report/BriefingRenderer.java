package cn.jintan.quality.report;

import cn.jintan.quality.aggregate.Briefing;
import cn.jintan.quality.aggregate.Coverage;
import cn.jintan.quality.aggregate.PeriodFigures;
import cn.jintan.quality.aggregate.Ranking;
import cn.jintan.quality.domain.Indicator;
import cn.jintan.quality.domain.Period;
import cn.jintan.quality.domain.Unit;
import cn.jintan.quality.messages.Messages;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Renders the leaders' briefing (质量强区工作简报) of one period as a PDF. The templates are
 * compiled once, here; a renderer is then reusable and safe to share between threads.
 */
public final class BriefingRenderer {

    private final BriefingSettings settings;
    private final Messages messages = Messages.catalogue();
    private final Wording wording = new Wording(messages);
    private final LeadParagraph lead = new LeadParagraph(messages, wording);
    private final ReportingSentence status = new ReportingSentence(messages);
    private final KeyFigureRows keyFigures = new KeyFigureRows(messages, wording);
    private final UnitRows unitRows = new UnitRows(messages);
    private final CoverageWords coverageWords = new CoverageWords(messages, wording);
    private final TargetLines targetLines = new TargetLines(messages, wording);
    private final SectionRows sections = new SectionRows(messages);
    private final DataNotes notes = new DataNotes(messages);
    private final JasperReport briefing;
    private final JasperReport keyFiguresReport;
    private final JasperReport industryReport;
    private final JasperReport honoursReport;

    public BriefingRenderer(BriefingSettings settings) {
        this.settings = settings;
        this.briefing = Templates.compile("briefing");
        this.keyFiguresReport = Templates.compile("key-figures");
        this.industryReport = Templates.compile("industry");
        this.honoursReport = Templates.compile("honours");
    }

    /** The generated lead paragraph, plain text (also the body of the e-mail that carries the PDF). */
    public String leadParagraph(PeriodFigures figures) {
        return lead.of(figures);
    }

    /** The briefing's title with year and issue, as in the PDF metadata (also the e-mail subject). */
    public String title(PeriodFigures figures) {
        return messages.get("briefing.pdf.title", figures.period().year(), figures.period().monthValue());
    }

    /** 期号 with its year, counted per year by month: 2020年第11期 (masthead and unit pages). */
    String issue(PeriodFigures figures) {
        return messages.get("briefing.issue", figures.period().year(), figures.period().monthValue());
    }

    /** Renders the figures alone (no history, targets or lists), ranked by the year's financing. */
    public void render(PeriodFigures figures, LocalDate issueDate, Path pdfFile) {
        render(Briefing.of(figures, Indicator.FINANCING_AMOUNT.ytdKey()), issueDate, pdfFile);
    }

    /** Fills the briefing, dated {@code issueDate}, and writes it to {@code pdfFile}. */
    public void render(Briefing facts, LocalDate issueDate, Path pdfFile) {
        PeriodFigures figures = facts.figures();
        try {
            JasperPrint print = JasperFillManager.fillReport(briefing, parameters(facts, issueDate),
                    new JRMapCollectionDataSource(unitRows.of(facts)));
            export(print, figures, pdfFile);
        } catch (JRException e) {
            throw new IllegalStateException("cannot render the briefing of " + figures.period() + " to " + pdfFile, e);
        }
    }

    // Fill writes into the parameter map, so it must be mutable.
    private Map<String, Object> parameters(Briefing facts, LocalDate issueDate) {
        PeriodFigures figures = facts.figures();
        int month = figures.period().monthValue();
        String ytd = wording.ytdSpan(figures.period());
        Map<String, Object> p = Templates.parameters(settings.zone());
        p.put("TITLE", messages.get("briefing.title"));
        p.put("ISSUE", issue(figures));
        p.put("ISSUER", settings.issuer());
        p.put("ISSUE_DATE", wording.date(issueDate));
        p.put("HEADING", messages.get("briefing.heading", wording.period(figures.period())));
        p.put("LEAD", lead.of(figures));
        p.put("FIGURES_SECTION", messages.get("briefing.section.figures"));
        p.put("FIGURES_HEAD_INDICATOR", messages.get("briefing.figures.indicator"));
        p.put("FIGURES_HEAD_UNIT", messages.get("briefing.figures.unit"));
        p.put("KEY_FIGURES_REPORT", keyFiguresReport);
        p.put("KEY_FIGURES", new JRMapCollectionDataSource(keyFigures.of(facts)));
        p.put("FIGURES_NOTE", figuresNote(figures.coverage(), ytd));
        String targets = targetLines.of(facts);
        p.put("TARGETS_TITLE", targets.isEmpty() ? null : messages.get("briefing.targets.title"));
        p.put("TARGETS", targets.isEmpty() ? null : targets);
        p.put("STATUS_SECTION", messages.get("briefing.section.status"));
        p.put("STATUS", status.styled(figures));
        p.put("UNITS_SECTION", messages.get("briefing.section.units"));
        Templates.labels(p, messages, "H_", "briefing.units.", "name", "status", "cqo", "key", "std_national",
                "std_industry", "std_local", "registrations", "amount", "relief", "rank", "rise");
        p.put("H_STOCK", messages.get("briefing.units.stock", month));
        p.put("H_FLOW", messages.get("briefing.units.flow", ytd));
        p.put("RANKING", ranking(facts));
        boolean complete = figures.coverage().complete();
        p.put("TOTAL", messages.get(complete ? "briefing.units.total.district" : "briefing.units.total.reported"));
        p.put("DISTRICT", unitRows.total(facts));
        p.put("UNITS_NOTE", messages.get("briefing.units.note", month, ytd,
                messages.get(complete ? "briefing.units.note.district" : "briefing.units.note.reported")));
        sections(p, facts, ytd, month);
        // no render time: the same database gives the same text on any day (figures JSON has generated_at)
        p.put("GENERATED", messages.get("briefing.generated"));
        p.put("DISTRIBUTION", settings.distribution());
        p.put("PAGE_PATTERN", messages.get("briefing.page"));
        return p;
    }

    private void sections(Map<String, Object> p, Briefing facts, String ytd, int month) {
        p.put("INDUSTRY_SECTION", messages.get("briefing.section.industry"));
        p.put("INDUSTRY_REPORT", industryReport);
        p.put("INDUSTRY_ROWS", new JRMapCollectionDataSource(sections.industries(facts)));
        p.put("INDUSTRY_NOTE", messages.get("briefing.industry.note", month));
        Templates.labels(p, messages, "HI_", "briefing.industry.", "name", "enterprises", "key", "cqo", "standards");
        p.put("HI_TOTAL", messages.get("briefing.units.total"));
        p.put("CHARTS_SECTION", messages.get("briefing.section.charts"));
        p.put("CHART_AMOUNT_TITLE", messages.get("briefing.chart.amount.title", ytd));
        p.put("CHART_AMOUNT", new JRMapCollectionDataSource(sections.amountByUnit(facts)));
        p.put("CHART_TYPES_TITLE", messages.get("briefing.chart.registrations.title", ytd));
        p.put("CHART_TYPES", new JRMapCollectionDataSource(sections.registrationsByType(facts)));
        p.put("CHART_TREND_TITLE", messages.get("briefing.chart.trend.title"));
        p.put("CHART_MONTH_AXIS", messages.get("briefing.chart.month.axis"));
        p.put("CHART_TREND", new JRMapCollectionDataSource(sections.monthlyTrend(facts)));
        p.put("CHART_TREND_NOTE", sections.trendNote(facts));
        p.put("HONOURS_SECTION", messages.get("briefing.section.honours"));
        p.put("HONOURS_REPORT", honoursReport);
        p.put("HONOURS_ROWS", new JRMapCollectionDataSource(sections.honours(facts)));
        int unlisted = facts.details().honoursTotal() - facts.details().honours().size();
        p.put("HONOURS_NONE", facts.details().honours().isEmpty() ? messages.get("briefing.honours.none")
                : unlisted > 0 ? messages.get("briefing.honours.more", unlisted) : null);
        p.put("HH_ENTERPRISE", messages.get("briefing.honours.enterprise"));
        p.put("HH_UNIT", messages.get("briefing.honours.unit"));
        p.put("HH_WHAT", messages.get("briefing.honours.what"));
        p.put("NOTES_SECTION", messages.get("briefing.section.notes"));
        p.put("NOTES", notes.of(facts));
    }

    /** The footnote of the key figures: what "—" and 口径不同 mean, and the months a year to date lacks. */
    private String figuresNote(Coverage coverage, String ytd) {
        String note = messages.get("briefing.figures.note", ytd);
        Map<Unit, List<Period>> gaps = coverage.ytdGaps();
        if (gaps.isEmpty()) {
            return note;
        }
        String marker = gaps.size() > CoverageWords.NAMED_UNITS
                ? messages.get("briefing.figures.gaps.many", ytd, gaps.size(), gaps.values().stream().mapToInt(List::size).sum())
                : messages.get("briefing.figures.gaps", ytd, coverageWords.gapList(gaps));
        return note + "\n" + marker;
    }

    /** 按"…"排名，排名靠后的三个单位：X、Y、Z。 Only among reporting units, and only when enough reported. */
    String ranking(Briefing facts) {
        Ranking ranking = facts.ranking();
        if (ranking.reporting() == 0) {
            return messages.get("briefing.units.ranking.none");
        }
        if (!ranking.ranks()) {
            return messages.get("briefing.units.ranking.few", Ranking.MINIMUM, ranking.reporting());
        }
        String behind = ranking.furthestBehind().stream().map(r -> r.unit().name())
                .collect(java.util.stream.Collectors.joining(messages.get("briefing.list.separator")));
        return messages.get("briefing.units.ranking", targetLines.label(facts, ranking.key()), behind);
    }

    private void export(JasperPrint print, PeriodFigures figures, Path pdfFile) throws JRException {
        Templates.Metadata metadata = new Templates.Metadata(
                messages.get("briefing.pdf.title", figures.period().year(), figures.period().monthValue()),
                settings.issuer(), messages.get("briefing.pdf.subject", wording.period(figures.period())));
        cn.jintan.quality.OutputFiles.write(pdfFile, out -> {
            try {
                Templates.exportPdf(print, metadata, out);
            } catch (JRException e) {
                throw new IOException("cannot export the briefing", e);
            }
        });
    }
}
