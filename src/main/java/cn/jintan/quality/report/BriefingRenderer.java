package cn.jintan.quality.report;

import cn.jintan.quality.aggregate.PeriodFigures;
import cn.jintan.quality.messages.Messages;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import net.sf.jasperreports.pdf.SimplePdfReportConfiguration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * Renders the leaders' briefing (质量强区工作简报) of one period as a PDF. The templates are
 * compiled once, here; a renderer is then reusable and safe to share between threads.
 */
public final class BriefingRenderer {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final BriefingSettings settings;
    private final Clock clock;
    private final Messages messages = Messages.catalogue();
    private final Wording wording = new Wording(messages);
    private final LeadParagraph lead = new LeadParagraph(messages, wording);
    private final SubmissionStatus status = new SubmissionStatus(messages);
    private final KeyFigureRows keyFigures = new KeyFigureRows(messages, wording);
    private final UnitRows unitRows = new UnitRows(messages);
    private final JasperReport briefing;
    private final JasperReport keyFiguresReport;

    public BriefingRenderer(BriefingSettings settings) {
        this(settings, Clock.system(settings.zone()));
    }

    BriefingRenderer(BriefingSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.briefing = Templates.compile("briefing");
        this.keyFiguresReport = Templates.compile("key-figures");
    }

    /** The generated lead paragraph, plain text (also the body of the e-mail that carries the PDF). */
    public String leadParagraph(PeriodFigures figures) {
        return lead.of(figures);
    }

    /** Fills the briefing for {@code figures}, dated {@code issueDate}, and writes it to {@code pdfFile}. */
    public void render(PeriodFigures figures, LocalDate issueDate, Path pdfFile) {
        try {
            JasperPrint print = JasperFillManager.fillReport(briefing, parameters(figures, issueDate),
                    new JRMapCollectionDataSource(unitRows.of(figures)));
            Path parent = pdfFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            export(print, figures, pdfFile);
        } catch (JRException e) {
            throw new IllegalStateException("cannot render the briefing of " + figures.period() + " to " + pdfFile, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + pdfFile, e);
        }
    }

    // Fill writes into the parameter map, so it must be mutable.
    private Map<String, Object> parameters(PeriodFigures figures, LocalDate issueDate) {
        int month = figures.period().monthValue();
        String ytd = wording.ytdSpan(figures.period());
        Map<String, Object> p = new HashMap<>();
        p.put(JRParameter.REPORT_LOCALE, Locale.SIMPLIFIED_CHINESE);
        p.put(JRParameter.REPORT_TIME_ZONE, TimeZone.getTimeZone(settings.zone()));
        p.put("TITLE", messages.get("briefing.title"));
        p.put("ISSUE", messages.get("briefing.issue", month));
        p.put("ISSUER", settings.issuer());
        p.put("ISSUE_DATE", wording.date(issueDate));
        p.put("HEADING", messages.get("briefing.heading", wording.period(figures.period())));
        p.put("LEAD", lead.of(figures));
        p.put("FIGURES_SECTION", messages.get("briefing.section.figures"));
        p.put("FIGURES_HEAD_INDICATOR", messages.get("briefing.figures.indicator"));
        p.put("FIGURES_HEAD_UNIT", messages.get("briefing.figures.unit"));
        p.put("KEY_FIGURES_REPORT", keyFiguresReport);
        p.put("KEY_FIGURES", new JRMapCollectionDataSource(keyFigures.of(figures)));
        p.put("STATUS_SECTION", messages.get("briefing.section.status"));
        p.put("STATUS", status.styled(figures));
        p.put("UNITS_SECTION", messages.get("briefing.section.units"));
        p.put("H_NAME", messages.get("briefing.units.name"));
        p.put("H_STATUS", messages.get("briefing.units.status"));
        p.put("H_CQO", messages.get("briefing.units.cqo"));
        p.put("H_KEY", messages.get("briefing.units.key"));
        p.put("H_STD_NATIONAL", messages.get("briefing.units.std_national"));
        p.put("H_STD_INDUSTRY", messages.get("briefing.units.std_industry"));
        p.put("H_STD_LOCAL", messages.get("briefing.units.std_local"));
        p.put("H_STOCK", messages.get("briefing.units.stock", month));
        p.put("H_FLOW", messages.get("briefing.units.flow", ytd));
        p.put("H_REGISTRATIONS", messages.get("briefing.units.registrations"));
        p.put("H_AMOUNT", messages.get("briefing.units.amount"));
        p.put("H_RELIEF", messages.get("briefing.units.relief"));
        p.put("TOTAL", messages.get("briefing.units.total"));
        p.put("DISTRICT", figures.district());
        p.put("UNITS_NOTE", messages.get("briefing.units.note", month, ytd));
        p.put("GENERATED", messages.get("briefing.generated", LocalDateTime.now(clock).format(TIMESTAMP)));
        p.put("DISTRIBUTION", settings.distribution());
        p.put("PAGE_PATTERN", messages.get("briefing.page"));
        return p;
    }

    private void export(JasperPrint print, PeriodFigures figures, Path pdfFile) throws JRException {
        SimplePdfReportConfiguration report = new SimplePdfReportConfiguration();
        // Keep the exporter's line breaks identical to the fill's (Chinese breaks between ideographs).
        report.setForceLineBreakPolicy(true);
        SimplePdfExporterConfiguration export = new SimplePdfExporterConfiguration();
        export.setCompressed(true);
        export.setMetadataTitle(messages.get("briefing.pdf.title", figures.period().year(), figures.period().monthValue()));
        export.setMetadataAuthor(settings.issuer());
        export.setMetadataSubject(messages.get("briefing.pdf.subject", wording.period(figures.period())));
        export.setMetadataCreator("quality-briefing");
        export.setDisplayMetadataTitle(true);

        JRPdfExporter exporter = new JRPdfExporter();
        exporter.setExporterInput(new SimpleExporterInput(print));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(pdfFile.toFile()));
        exporter.setConfiguration(report);
        exporter.setConfiguration(export);
        exporter.exportReport();
    }
}
