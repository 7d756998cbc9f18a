package cn.jintan.quality.report;

import cn.jintan.quality.RenderThreads;
import cn.jintan.quality.aggregate.Briefing;
import cn.jintan.quality.aggregate.PeriodFigures;
import cn.jintan.quality.aggregate.PeriodFigures.UnitFigures;
import cn.jintan.quality.aggregate.Ranking;
import cn.jintan.quality.domain.Indicator;
import cn.jintan.quality.messages.Messages;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * The one-page summary a township leader reads: the unit's figures beside the district's, its
 * share, its rank and change of rank. Compiled once, like the briefing.
 */
final class UnitPageRenderer {

    private final BriefingSettings settings;
    private final Messages messages = Messages.catalogue();
    private final Wording wording = new Wording(messages);
    private final TargetLines labels = new TargetLines(messages, wording);
    private final CoverageWords coverageWords = new CoverageWords(messages, wording);
    private final JasperReport template;
    private final RenderThreads threads;

    UnitPageRenderer(BriefingSettings settings, RenderThreads threads) {
        this.settings = settings;
        this.threads = threads;
        this.template = Templates.compile("unit");
    }

    /**
     * Every unit's page, to the file {@code file} names for it: one page per render thread at a
     * time (a province month has 1,300). Returns once all are written; the first page that failed
     * is thrown then, with the others' failures suppressed.
     */
    void renderAll(Briefing briefing, LocalDate issueDate, Function<UnitFigures, Path> file) {
        boolean complete = briefing.figures().coverage().complete(); // once: coverage walks every unit
        List<Future<Path>> pages = new ArrayList<>();
        for (UnitFigures unit : briefing.figures().units()) {
            Path pdf = file.apply(unit);
            pages.add(threads.submit(() -> render(briefing, unit, issueDate, pdf, complete)));
        }
        RuntimeException failed = null;
        for (Future<Path> page : pages) {
            try {
                RenderThreads.result(page);
            } catch (RuntimeException e) {
                if (failed == null) {
                    failed = e;
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    private Path render(Briefing briefing, UnitFigures unit, LocalDate issueDate, Path pdfFile, boolean complete) {
        try {
            JasperPrint print = JasperFillManager.fillReport(template, parameters(briefing, unit, issueDate, complete),
                    new JRMapCollectionDataSource(rows(briefing, unit)));
            String heading = heading(briefing, unit);
            cn.jintan.quality.OutputFiles.write(pdfFile, out -> {
                try {
                    Templates.exportPdf(print, new Templates.Metadata(heading, settings.issuer(), heading), out);
                } catch (JRException e) {
                    throw new IOException("cannot export the unit page", e);
                }
            });
            return pdfFile;
        } catch (JRException e) {
            throw new IllegalStateException("cannot render the unit page of " + unit.unit().code() + " to " + pdfFile, e);
        }
    }

    private String heading(Briefing briefing, UnitFigures unit) {
        return messages.get("unit.heading", unit.unit().name(), wording.period(briefing.figures().period()));
    }

    private Map<String, Object> parameters(Briefing briefing, UnitFigures unit, LocalDate issueDate, boolean complete) {
        PeriodFigures figures = briefing.figures();
        Map<String, Object> p = new HashMap<>(); // fill writes into it
        p.put(JRParameter.REPORT_LOCALE, Locale.SIMPLIFIED_CHINESE);
        p.put("TITLE", messages.get("briefing.title"));
        p.put("ISSUE", messages.get("briefing.issue", figures.period().year(), figures.period().monthValue()));
        p.put("ISSUER", settings.issuer());
        p.put("ISSUE_DATE", wording.date(issueDate));
        p.put("HEADING", heading(briefing, unit));
        // a unit without data: the page opens with that, and prints no figure of its own
        p.put("LEAD", unit.reported() ? lead(briefing, unit) : null);
        p.put("STATUS", unit.reported() ? null : status(briefing, unit));
        p.put("RANK", rank(briefing, unit));
        p.put("H_INDICATOR", messages.get("unit.head.indicator"));
        p.put("H_UNIT", messages.get("unit.head.unit"));
        p.put("H_VALUE", messages.get("unit.head.value"));
        p.put("H_DISTRICT", messages.get(complete ? "unit.head.district" : "unit.head.district.reported"));
        p.put("H_SHARE", messages.get(complete ? "unit.head.share" : "unit.head.share.reported"));
        p.put("PAGE_PATTERN", messages.get("briefing.page"));
        return p;
    }

    /** The unit's own figures in a sentence; its year to date marked with the months it lacks. */
    String lead(Briefing briefing, UnitFigures unit) {
        Map<String, BigDecimal> f = unit.figures();
        return messages.get("unit.lead", briefing.figures().period().monthValue(), unit.unit().name(),
                count(f, Indicator.ENTERPRISES_REPORTED.key()), count(f, Indicator.CQO_ENTERPRISES.key()),
                count(f, Indicator.STD_NATIONAL.key()), count(f, Indicator.STD_INDUSTRY.key()),
                count(f, Indicator.STD_LOCAL.key()), coverageWords.ytdSpan(briefing.figures().period(), unit.missingMonths()),
                count(f, Indicator.FINANCING_REGISTRATIONS.ytdKey()),
                wording.amount(f.getOrDefault(Indicator.FINANCING_AMOUNT.ytdKey(), BigDecimal.ZERO)));
    }

    private String count(Map<String, BigDecimal> f, String key) {
        return wording.plain(f.getOrDefault(key, BigDecimal.ZERO));
    }

    String status(Briefing briefing, UnitFigures unit) {
        return switch (unit.status()) {
            case "missing" -> messages.get("unit.status.missing", unit.unit().name());
            case "rejected" -> messages.get("unit.status.rejected", unit.unit().name(),
                    new DataNotes(messages).reasons(briefing.details().rejections().stream()
                            .filter(r -> r.unit().equals(unit.unit())).flatMap(r -> r.codes().stream()).distinct().toList()));
            default -> null;
        };
    }

    String rank(Briefing briefing, UnitFigures unit) {
        Ranking ranking = briefing.ranking();
        if (unit.reported() && !ranking.ranks()) {
            return messages.get("unit.rank.few", Ranking.MINIMUM, ranking.reporting());
        }
        return ranking.of(unit.unit().code()).map(r -> messages.get("unit.rank", labels.label(briefing, ranking.key()),
                        unit.unit().name(), ranking.ranked().size(), r.rank(), rise(briefing, r)))
                .orElse(messages.get("unit.rank.none"));
    }

    // Said as the units table says it: nothing when last month had no ranking (the table's "—").
    private String rise(Briefing briefing, Ranking.RankedUnit r) {
        if (!briefing.ranking().previousRanked()) {
            return "";
        }
        if (r.rise() == null) {
            return messages.get("unit.rank.new");
        }
        int rise = r.rise();
        return rise == 0 ? messages.get("unit.rank.same")
                : rise > 0 ? messages.get("unit.rank.up", rise) : messages.get("unit.rank.down", -rise);
    }

    /**
     * Every indicator: stocks at month end, flows year to date, with the district (or reporting
     * units') figure and the unit's share; 未报送 for a unit without data, never 0.
     */
    private List<Map<String, ?>> rows(Briefing briefing, UnitFigures unit) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (Indicator indicator : Indicator.values()) {
            String key = indicator.kind() == Indicator.Kind.STOCK ? indicator.key() : indicator.ytdKey();
            BigDecimal value = unit.get(key);
            BigDecimal district = briefing.figures().district().get(key);
            Map<String, Object> row = new HashMap<>();
            String label = labels.label(briefing, key);
            if (indicator.kind() == Indicator.Kind.FLOW && unit.reported() && !unit.missingMonths().isEmpty()) {
                label = messages.get("briefing.target.ytd_label.gaps", messages.get("indicator." + indicator.key()),
                        wording.ytdSpan(briefing.figures().period()), coverageWords.months(unit.missingMonths()));
            }
            row.put("label", label);
            row.put("unit", messages.get("indicator." + indicator.key() + ".unit"));
            row.put("value", wording.cell(value, indicator.money()));
            row.put("district", wording.cell(district, indicator.money()));
            row.put("share", value == null || district == null || district.signum() == 0 ? null
                    : value.multiply(BigDecimal.valueOf(100)).divide(district, 1, RoundingMode.HALF_UP));
            rows.add(row);
        }
        return rows;
    }
}
