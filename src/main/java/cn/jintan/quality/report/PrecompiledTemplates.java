package cn.jintan.quality.report;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.engine.util.JRSaver;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The report templates compiled at build time ({@code process-classes}, pom.xml): each
 * {@code reports/NAME.jrxml} of the build output gets {@code NAME.jasper} beside it, marked with
 * the SHA-256 of the source it came from. At run time a compiled copy is used only when that mark
 * matches the template on the classpath, so a template edited after the build is compiled afresh
 * rather than shown stale.
 */
public final class PrecompiledTemplates {

    static final String SOURCE_SHA256 = "cn.jintan.quality.source.sha256";

    private PrecompiledTemplates() {
    }

    /** Build time: compiles every template of the folder {@code args[0]} beside it. */
    public static void main(String[] args) throws IOException, JRException {
        Path folder = Path.of(args[0]);
        int compiled = 0;
        try (DirectoryStream<Path> templates = Files.newDirectoryStream(folder, "*.jrxml")) {
            for (Path template : templates) {
                byte[] source = Files.readAllBytes(template);
                JasperReport report = JasperCompileManager.compileReport(new ByteArrayInputStream(source));
                report.setProperty(SOURCE_SHA256, sha256(source));
                String name = template.getFileName().toString().replaceFirst("\\.jrxml$", ".jasper");
                JRSaver.saveObject(report, folder.resolve(name).toFile());
                compiled++;
            }
        }
        System.out.println("Compiled " + compiled + " report template(s) in " + folder);
    }

    /** The compiled copy of template {@code name} whose source was {@code source}; null when there is none such. */
    static JasperReport load(String name, byte[] source) {
        try (InputStream in = PrecompiledTemplates.class.getClassLoader().getResourceAsStream("reports/" + name + ".jasper")) {
            if (in == null) {
                return null;
            }
            JasperReport report = (JasperReport) JRLoader.loadObject(in);
            return sha256(source).equals(report.getProperty(SOURCE_SHA256)) ? report : null;
        } catch (IOException | JRException | ClassCastException e) {
            return null; // unreadable (another JasperReports version): compiled from its source instead
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
