package cn.jintan.quality.report;

import net.sf.jasperreports.engine.JasperReport;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The templates the build compiled (process-classes) are used, and only for the source they came from. */
class PrecompiledTemplatesTest {

    @Test
    void everyTemplateHasACompiledCopyOfItsSource() throws IOException {
        for (String name : new String[]{"briefing", "key-figures", "industry", "honours", "unit", "receipt"}) {
            JasperReport report = PrecompiledTemplates.load(name, source(name));
            assertThat(report).as(name + ".jasper, from this " + name + ".jrxml").isNotNull();
            assertThat(report.getName()).isNotBlank();
        }
    }

    @Test
    void aTemplateEditedAfterTheBuildIsCompiledAfreshNotShownStale() throws IOException {
        byte[] edited = new String(source("unit"), StandardCharsets.UTF_8).replace("</jasperReport>",
                "<!-- edited --></jasperReport>").getBytes(StandardCharsets.UTF_8);
        assertThat(PrecompiledTemplates.load("unit", edited)).isNull();
        assertThat(PrecompiledTemplates.load("no-such-template", edited)).isNull();
        assertThat(Templates.compile("unit")).isNotNull();
    }

    private static byte[] source(String name) throws IOException {
        try (InputStream in = PrecompiledTemplates.class.getClassLoader().getResourceAsStream("reports/" + name + ".jrxml")) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
