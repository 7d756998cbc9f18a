package cn.jintan.quality.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures, does not judge: the time to render the reference briefing cold (template compile plus
 * the first fill and export in this JVM) and warm (the same renderer again). Rerun with
 * {@code ./mvnw -q -B test -Dtest=RenderTimingTest} and read the line it prints. A fresh JVM
 * (surefire forks one per run) gives the truest cold figure when this class runs alone.
 */
class RenderTimingTest {

    @Test
    void printsColdAndWarmRenderTimes(@TempDir Path dir) throws Exception {
        BriefingSettings settings = new BriefingSettings("金坛区市场监督管理局", "报送：区委、区政府领导", ZoneId.of("Asia/Shanghai"));
        long t0 = System.nanoTime();
        BriefingRenderer renderer = new BriefingRenderer(settings);
        long compiled = System.nanoTime();
        renderer.render(ReferenceFigures.figures(), LocalDate.of(2020, 12, 1), dir.resolve("cold.pdf"));
        long cold = System.nanoTime();
        long[] warm = new long[3];
        for (int i = 0; i < warm.length; i++) {
            long start = System.nanoTime();
            renderer.render(ReferenceFigures.figures(), LocalDate.of(2020, 12, 1), dir.resolve("warm" + i + ".pdf"));
            warm[i] = System.nanoTime() - start;
        }
        System.out.printf("RENDER TIMING reference briefing: cold %d ms (compile %d ms + first render %d ms); warm %d / %d / %d ms%n",
                (cold - t0) / 1_000_000, (compiled - t0) / 1_000_000, (cold - compiled) / 1_000_000,
                warm[0] / 1_000_000, warm[1] / 1_000_000, warm[2] / 1_000_000);
        assertThat(Files.size(dir.resolve("warm2.pdf"))).isPositive();
    }
}
