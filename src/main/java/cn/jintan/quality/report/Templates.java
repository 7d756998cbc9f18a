package cn.jintan.quality.report;

import cn.jintan.quality.messages.Messages;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import net.sf.jasperreports.pdf.SimplePdfReportConfiguration;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * The JasperReports plumbing every PDF of the pipeline shares (briefing, unit pages, receipts):
 * templates under {@code reports/}, compiled once because compiling costs seconds, and one PDF
 * export setting. The build compiles them ahead ({@link PrecompiledTemplates}, {@code .jasper}
 * beside each {@code .jrxml}), which saves about a second of every start; a template without an
 * up-to-date compiled copy is compiled here.
 */
public final class Templates {

    /** What a reader's PDF viewer shows about the document. */
    public record Metadata(String title, String author, String subject) {
    }

    private Templates() {
    }

    public static JasperReport compile(String name) {
        String resource = "reports/" + name + ".jrxml";
        try (InputStream in = Templates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("report template missing from the classpath: " + resource);
            }
            byte[] source = in.readAllBytes();
            JasperReport compiled = PrecompiledTemplates.load(name, source);
            return compiled != null ? compiled : JasperCompileManager.compileReport(new ByteArrayInputStream(source));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read report template " + resource, e);
        } catch (JRException e) {
            throw new IllegalStateException("report template does not compile: " + resource, e);
        }
    }

    /**
     * A fill's parameters for the caller to complete: Chinese locale, dates in {@code zone}. Mutable,
     * because fill writes into the map.
     */
    public static Map<String, Object> parameters(ZoneId zone) {
        Map<String, Object> p = new HashMap<>();
        p.put(JRParameter.REPORT_LOCALE, Locale.SIMPLIFIED_CHINESE);
        p.put(JRParameter.REPORT_TIME_ZONE, TimeZone.getTimeZone(zone));
        return p;
    }

    /** Labels and column headings: for each name, parameter {@code prefix + NAME} is message {@code keyPrefix + name}. */
    public static void labels(Map<String, Object> parameters, Messages messages, String prefix, String keyPrefix,
                              String... names) {
        for (String name : names) {
            parameters.put(prefix + name.toUpperCase(Locale.ROOT), messages.get(keyPrefix + name));
        }
    }

    /** Compressed PDF with metadata; the exporter keeps fill's line breaks (Chinese breaks between ideographs). */
    public static void exportPdf(JasperPrint print, Metadata metadata, OutputStream out) throws JRException {
        SimplePdfReportConfiguration report = new SimplePdfReportConfiguration();
        report.setForceLineBreakPolicy(true);
        SimplePdfExporterConfiguration export = new SimplePdfExporterConfiguration();
        export.setCompressed(true);
        export.setMetadataTitle(metadata.title());
        export.setMetadataAuthor(metadata.author());
        export.setMetadataSubject(metadata.subject());
        export.setMetadataCreator("quality-briefing");
        export.setDisplayMetadataTitle(true);
        JRPdfExporter exporter = new JRPdfExporter();
        exporter.setExporterInput(new SimpleExporterInput(print));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        exporter.setConfiguration(report);
        exporter.setConfiguration(export);
        exporter.exportReport();
    }
}
