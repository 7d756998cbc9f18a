package cn.jintan.quality.report;

import cn.jintan.quality.PipelineProperties;
import cn.jintan.quality.domain.Period;
import cn.jintan.quality.domain.Unit;
import cn.jintan.quality.domain.UnitRegistry;
import cn.jintan.quality.job.NightlyRun;
import cn.jintan.quality.testing.Installation;
import cn.jintan.quality.testing.InstallationRoot;
import cn.jintan.quality.testing.PipelineTest;
import cn.jintan.quality.testing.TestWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;

import static cn.jintan.quality.report.BriefingHistoryTest.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The units' pages are rendered side by side (a province month has 1,300): each page is still
 * its own unit's, reported or not, and one page that cannot be written fails the rendering
 * without stopping the others.
 */
@PipelineTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnitPagesTest {

    private static final Period NOVEMBER = Period.of(2020, 11);

    @InstallationRoot
    static Path root;

    @Autowired
    NightlyRun nightlyRun;

    @Autowired
    PeriodReports reports;

    @Autowired
    PipelineProperties properties;

    @Autowired
    UnitRegistry registry;

    @Autowired
    JdbcClient jdbc;

    private Path units;

    @BeforeAll
    void twoOfThirteenUnitsReport() throws Exception {
        Installation.emptyDatabase(jdbc);
        drop(TestWorkbook.valid(), "直溪镇-2020-11.xlsx");
        drop(TestWorkbook.valid().cover("填报单位", "金城镇"), "金城镇-2020-11.xlsx");
        assertThat(nightlyRun.run().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        units = properties.output().resolve("briefings/2020-11/units");
    }

    @Test
    void everyUnitGetsItsOwnPage() throws IOException {
        assertThat(registry.units()).hasSize(13);
        for (Unit unit : registry.units()) {
            String page = text(page(unit), 1, 1);
            assertThat(page).as(unit.code()).contains(unit.name() + "2020年11月质量强区工作情况");
            registry.units().stream().filter(other -> !other.equals(unit) && !unit.name().contains(other.name()))
                    .forEach(other -> assertThat(page).as(unit.code()).doesNotContain(other.name() + "2020年11月"));
        }
        assertThat(text(page(unit("jincheng")), 1, 1)).doesNotContain("未报送");
        assertThat(text(page(unit("xuebu")), 1, 1)).contains("未报送");
    }

    @Test
    void aPageThatCannotBeWrittenFailsTheRenderingButNotTheOtherPages() throws IOException {
        Unit blocked = unit("xuebu");
        for (Unit unit : registry.units()) {
            Files.deleteIfExists(page(unit));
        }
        // a folder where the PDF goes, with a file in it: no writer can replace it
        Files.createDirectories(page(blocked));
        Files.writeString(page(blocked).resolve("keep.txt"), "in the way");
        try {
            assertThatThrownBy(() -> reports.render(NOVEMBER)).hasMessageContaining("xuebu");
            for (Unit unit : registry.units()) {
                if (!unit.equals(blocked)) {
                    assertThat(page(unit)).as(unit.code()).isRegularFile();
                    assertThat(text(page(unit), 1, 1)).contains(unit.name());
                }
            }
        } finally {
            Files.delete(page(blocked).resolve("keep.txt"));
            Files.delete(page(blocked));
        }
        reports.render(NOVEMBER);
        assertThat(page(blocked)).isRegularFile();
    }

    /** Intake takes a file that has settled: written a while ago. */
    private static void drop(TestWorkbook workbook, String name) throws IOException {
        Path file = workbook.write(Installation.input(root).resolve(name));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(600)));
    }

    private Path page(Unit unit) {
        return units.resolve(unit.code() + "-2020-11.pdf");
    }

    private Unit unit(String code) {
        return registry.byCode(code).orElseThrow(() -> new AssertionError(code + " not in " + Arrays.toString(
                registry.units().stream().map(Unit::code).toArray())));
    }
}
