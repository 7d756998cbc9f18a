package cn.jintan.quality.samples;

import cn.jintan.quality.domain.Period;
import cn.jintan.quality.domain.Unit;
import cn.jintan.quality.domain.UnitRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the bundled sample submissions: one workbook per unit for 2020-11, 2020-10 and 2019-11, laid
 * out the way township staff fill them in Excel or WPS (see {@link UnitStyle}), two units in old .xls.
 * Read back by the pipeline, the 2020-11 district figures are the published reference case of
 * indicators.md (flows year-to-date = October + November 2020). The contents are the same on every run.
 *
 * <p>The plan covers the 13 units of the reference registry; a registry with another unit is rejected
 * with {@link IllegalArgumentException}, since the reference totals could not come out right.
 */
public final class SampleWorkbooks {

    private SampleWorkbooks() {
    }

    /**
     * Writes the 39 workbooks into {@code dir} (created if needed), named {@code <单位名称>-YYYY-MM.xlsx}
     * or {@code .xls}, overwriting files of the same name.
     *
     * @return the files written, unit by unit in registry order, each unit's periods newest first
     */
    public static List<Path> write(Path dir, UnitRegistry registry) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        List<Unit> units = registry.units();
        // fail before writing anything if a unit has no plan
        units.forEach(unit -> {
            ReferencePlan.stocksOf(unit);
            UnitStyle.of(unit);
        });
        EnterpriseRoster roster = new EnterpriseRoster(units);
        List<Path> written = new ArrayList<>();
        for (Unit unit : units) {
            UnitStyle style = UnitStyle.of(unit);
            for (Period period : ReferencePlan.PERIODS) {
                List<QualityRow> quality = roster.snapshot(unit, period);
                Submission submission = new Submission(unit, period, style, quality,
                        FlowPlanner.financing(unit, period, quality), FlowPlanner.fees(unit, period));
                Path file = dir.resolve(submission.fileName());
                SubmissionWriter.write(submission, file);
                written.add(file);
            }
        }
        return List.copyOf(written);
    }
}
