package cn.jintan.quality.bench;

import cn.jintan.quality.samples.ProvinceMonth;
import tools.jackson.databind.JsonNode;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One measured (or skipped) mode of {@link ProvinceBench}, and the table of them all. */
record ProvinceRun(Mode mode, double seconds, String outcome, JsonNode figures) {

    static ProvinceRun notAvailable(Mode mode, String why) {
        return new ProvinceRun(mode, Double.NaN, "not available (" + why + ")", null);
    }

    static ProvinceRun failed(Mode mode, double seconds, String why) {
        return new ProvinceRun(mode, seconds, "FAILED: " + why, null);
    }

    static ProvinceRun measured(Mode mode, double seconds, JsonNode figures) {
        return new ProvinceRun(mode, seconds, "figures = recount", figures);
    }

    boolean ok() {
        return figures != null;
    }

    String describe() {
        String db = mode.postgres() ? "PostgreSQL" : "H2 file";
        if (mode.remote()) {
            return db + ", manager + " + mode.workers() + " worker JVMs";
        }
        return db + ", " + (mode.workers() == 1 ? "single thread" : mode.workers() + " local partitions");
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %s, %.1f s", describe(), outcome, seconds);
    }

    /** The Markdown table: seconds and ratios against H2 single thread and PostgreSQL single thread. */
    static String table(ProvinceMonth month, int rows, String heap, double loadBefore, Map<String, ProvinceRun> runs) {
        ProvinceRun h2 = runs.get("h2-1");
        ProvinceRun pg = runs.get("pg-1");
        StringBuilder t = new StringBuilder(String.format(Locale.ROOT,
                "Province month %s: %,d units × %d rows (%,d workbooks); whole `run` of the jar, %s each JVM; "
                        + "%d cores; load average %.2f before the first run, %.2f after the last%n%n",
                month.period(), month.units(), rows, month.units(), heap, Runtime.getRuntime().availableProcessors(),
                loadBefore, load()));
        t.append("| mode | run (s) | × H2 single thread | × PostgreSQL single thread | figures |\n|---|---:|---:|---:|---|\n");
        for (ProvinceRun r : runs.values()) {
            t.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", r.describe(),
                    Double.isNaN(r.seconds) ? "—" : String.format(Locale.ROOT, "%.1f", r.seconds),
                    ratio(r, h2), ratio(r, pg), r.outcome));
        }
        return t.toString();
    }

    static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String ratio(ProvinceRun r, ProvinceRun base) {
        return base == null || !base.ok() || !r.ok() ? "—" : String.format(Locale.ROOT, "%.2f", r.seconds / base.seconds);
    }

    /** Every measured run's district and unit figures must be the same. */
    static void checkAlike(Map<String, ProvinceRun> runs) {
        List<ProvinceRun> ok = runs.values().stream().filter(ProvinceRun::ok).toList();
        for (ProvinceRun r : ok) {
            if (!r.figures.equals(ok.get(0).figures)) {
                throw new IllegalStateException("figures of " + r.mode.name() + " differ from " + ok.get(0).mode.name());
            }
        }
        System.out.println("figures (district and every unit) identical across " + ok.size() + " measured runs");
    }
}
