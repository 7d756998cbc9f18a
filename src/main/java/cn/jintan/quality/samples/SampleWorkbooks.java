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
 * Writes the bundled sample submissions: one workbook per unit and month, January 2019 to November
 * 2020 (23 months, 299 workbooks), laid out the way township staff fill them in Excel or WPS (see
 * {@link UnitStyle}), two units in old .xls. Read back by the pipeline, the 2020-11 district figures are
 * the published reference case of indicators.md (flows year-to-date over January..November 2020), and
 * 2019 is a complete, lower year to compare with. The contents are the same on every run, and a
 * workbook is the same whichever range of months is written.
 *
 * <p>The plan covers the 13 units of the reference registry; a registry with another unit is rejected
 * with {@link IllegalArgumentException}, since the reference totals could not come out right.
 */
public final class SampleWorkbooks {

    private SampleWorkbooks() {
    }

    /** The first and the last month the samples cover. */
    public static final Period FIRST = ReferencePlan.FIRST;
    public static final Period LAST = ReferencePlan.REFERENCE;

    /** Writes every month, {@link #FIRST} to {@link #LAST}; see {@link #write(Path, UnitRegistry, Period, Period)}. */
    public static List<Path> write(Path dir, UnitRegistry registry) {
        return write(dir, registry, FIRST, LAST);
    }

    /**
     * Writes the workbooks of the months {@code from}..{@code to} into {@code dir} (created if needed),
     * named {@code <单位名称>-YYYY-MM.xlsx} or {@code .xls}, overwriting files of the same name.
     *
     * @return the files written, month by month oldest first, each month's units in registry order
     * @throws IllegalArgumentException when the range is empty or outside {@link #FIRST}..{@link #LAST}
     */
    public static List<Path> write(Path dir, UnitRegistry registry, Period from, Period to) {
        if (from.compareTo(FIRST) < 0 || to.compareTo(LAST) > 0 || from.compareTo(to) > 0) {
            throw new IllegalArgumentException("the samples cover " + FIRST + ".." + LAST + ", not " + from + ".." + to);
        }
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
        // the whole roster every time, so an enterprise is the same whichever months are written
        EnterpriseRoster roster = new EnterpriseRoster(units);
        List<Path> written = new ArrayList<>();
        for (Period period : ReferencePlan.PERIODS) {
            if (period.compareTo(from) < 0 || period.compareTo(to) > 0) {
                continue;
            }
            for (Unit unit : units) {
                List<QualityRow> quality = roster.snapshot(unit, period);
                SampleSubmission submission = new SampleSubmission(unit, period, UnitStyle.of(unit), quality,
                        FlowPlanner.financing(unit, period, quality), FlowPlanner.fees(unit, period));
                Path file = dir.resolve(submission.fileName());
                SubmissionWriter.write(submission, file);
                written.add(file);
            }
        }
        return List.copyOf(written);
    }
}
