package cn.jintan.quality.report;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Compiles the JRXML templates under {@code reports/}; compiling costs seconds, so do it once. */
final class Templates {

    private Templates() {
    }

    static JasperReport compile(String name) {
        String resource = "reports/" + name + ".jrxml";
        try (InputStream in = Templates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("report template missing from the classpath: " + resource);
            }
            return JasperCompileManager.compileReport(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read report template " + resource, e);
        } catch (JRException e) {
            throw new IllegalStateException("report template does not compile: " + resource, e);
        }
    }
}
