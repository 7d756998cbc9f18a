package cn.jintan.quality.aggregate;

import cn.jintan.quality.PipelineProperties;
import cn.jintan.quality.domain.AnnualTargets;
import cn.jintan.quality.domain.ConfigurationException;
import cn.jintan.quality.domain.Period;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Assembles a {@link Briefing}: the period's figures plus the comparisons, targets, ranking and
 * lists the leaders read. Comparisons use {@link FigureCalculator} on the other periods, and only
 * where those periods exist, i.e. have at least one accepted submission.
 */
@Service
public class BriefingFacts {

    private final FigureCalculator calculator;
    private final DetailQueries details;
    private final JdbcClient jdbc;
    private final AnnualTargets targets;
    private final String rankingKey;

    BriefingFacts(FigureCalculator calculator, DetailQueries details, JdbcClient jdbc, AnnualTargets targets,
                  PipelineProperties properties) {
        this.calculator = calculator;
        this.details = details;
        this.jdbc = jdbc;
        this.targets = targets;
        this.rankingKey = properties.rankingIndicator();
        if (!AnnualTargets.KEYS.contains(rankingKey) && !figureKeys().contains(rankingKey)) {
            throw new ConfigurationException(Path.of("qb.ranking-indicator"), 0,
                    "unknown indicator key '" + rankingKey + "' (e.g. financing_amount_ytd, cqo_enterprises)");
        }
    }

    public Briefing of(Period period) {
        PeriodFigures figures = calculator.compute(period);
        PeriodFigures previous = ifExists(period.previous()).orElse(null);
        PeriodFigures lastYear = ifExists(period.sameMonthLastYear()).orElse(null);
        return new Briefing(figures, previous, lastYear, progress(figures), Ranking.of(rankingKey, figures,
                Optional.ofNullable(previous)), details.of(period), monthlyFinancing(period));
    }

    public String rankingKey() {
        return rankingKey;
    }

    private Optional<PeriodFigures> ifExists(Period period) {
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM submission WHERE status = 'ACCEPTED' AND period = ?")
                .param(period.toString()).query(Integer.class).single() > 0;
        return exists ? Optional.of(calculator.compute(period)) : Optional.empty();
    }

    private List<TargetProgress> progress(PeriodFigures figures) {
        List<TargetProgress> progress = new ArrayList<>();
        targets.of(figures.period().year()).forEach((key, target) -> {
            BigDecimal actual = figures.district().get(key);
            progress.add(TargetProgress.of(key, actual == null ? BigDecimal.ZERO : actual, target,
                    figures.period().monthValue()));
        });
        return progress;
    }

    /** January to December, this year up to the period and last year in full, where a month has data. */
    private List<Briefing.MonthlyAmount> monthlyFinancing(Period period) {
        Map<String, BigDecimal> byMonth = new HashMap<>();
        jdbc.sql("SELECT s.period, SUM(r.amount) FROM financing_row r JOIN submission s ON s.id = r.submission_id "
                        + "WHERE s.status = 'ACCEPTED' AND s.period BETWEEN ? AND ? GROUP BY s.period")
                .params(Period.of(period.year() - 1, 1).toString(), period.toString())
                .query((rs, n) -> byMonth.put(rs.getString(1), rs.getBigDecimal(2).setScale(2))).list();
        Map<String, Boolean> exists = new HashMap<>();
        jdbc.sql("SELECT DISTINCT period FROM submission WHERE status = 'ACCEPTED' AND period BETWEEN ? AND ?")
                .params(Period.of(period.year() - 1, 1).toString(), period.toString())
                .query(String.class).list().forEach(p -> exists.put(p, true));
        List<Briefing.MonthlyAmount> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            String now = Period.of(period.year(), m).toString();
            String before = Period.of(period.year() - 1, m).toString();
            months.add(new Briefing.MonthlyAmount(m,
                    m <= period.monthValue() && exists.containsKey(now) ? byMonth.getOrDefault(now, BigDecimal.ZERO.setScale(2)) : null,
                    exists.containsKey(before) ? byMonth.getOrDefault(before, BigDecimal.ZERO.setScale(2)) : null));
        }
        return months;
    }

    private static java.util.Set<String> figureKeys() {
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (cn.jintan.quality.domain.Indicator i : cn.jintan.quality.domain.Indicator.values()) {
            keys.add(i.key());
            keys.add(i.ytdKey());
        }
        return keys;
    }
}
