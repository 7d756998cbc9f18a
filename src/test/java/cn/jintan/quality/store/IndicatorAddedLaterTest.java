package cn.jintan.quality.store;

import cn.jintan.quality.QualityBriefingApplication;
import cn.jintan.quality.aggregate.BriefingFacts;
import cn.jintan.quality.aggregate.FigureCalculator;
import cn.jintan.quality.aggregate.PeriodDetails;
import cn.jintan.quality.aggregate.PeriodFigures;
import cn.jintan.quality.domain.Period;
import cn.jintan.quality.job.NightlyRun;
import cn.jintan.quality.testing.Installation;
import cn.jintan.quality.testing.TestWorkbook;
import cn.jintan.quality.testing.EmbeddedPostgresql;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static cn.jintan.quality.domain.SubmissionSheet.FINANCING;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database tallied before an indicator existed holds no tally row of it for any earlier
 * submission. The next start-up computes exactly those figures from the stored rows, so every
 * figure, the year-to-date ones and the district stocks of enterprises two units share included,
 * comes out as if the indicator had always been there. Each start is a new Spring context on
 * the same data folder, as a new version of the program would be started.
 */
@Tag(EmbeddedPostgresql.ON_EITHER)
class IndicatorAddedLaterTest {

    private static final Period OCTOBER = Period.of(2020, 10);
    private static final Period NOVEMBER = Period.of(2020, 11);
    /** A flow (its _ytd adds October), a stock both units report for the same enterprise, the honours count. */
    private static final List<String> ADDED_LATER = List.of("financing_amount", "cqo_enterprises", Tallies.HONOURED_KEY);

    @TempDir
    Path root;

    /** Both starts of a test on the same database: the H2 file under root, or one of PostgreSQL's. */
    private final List<String> database = EmbeddedPostgresql.settingsIfChosen();

    @Test
    void startUpComputesTheFiguresAnIndicatorAddedLaterLacks() throws Exception {
        Map<Period, PeriodFigures> before;
        Map<Period, PeriodDetails> detailsBefore;
        long talliesBefore;
        long industriesBefore;
        // 直溪镇 for October and November, 金城镇 for November reporting the same two enterprises
        Installation.drop(root, TestWorkbook.valid().cover("统计期", "2020-10")
                .set(FINANCING, 0, "登记日期", LocalDate.of(2020, 10, 5))
                .set(FINANCING, 1, "登记日期", LocalDate.of(2020, 10, 20))
                .set(FINANCING, 1, "融资金额（万元）", new BigDecimal("88.25")), "直溪镇-2020-10.xlsx");
        Installation.drop(root, TestWorkbook.valid(), "直溪镇-2020-11.xlsx");
        Installation.drop(root, TestWorkbook.valid().cover("填报单位", "金城镇"), "金城镇-2020-11.xlsx");
        try (ConfigurableApplicationContext context = start()) {
            assertThat(context.getBean(NightlyRun.class).run().getStatus()).isEqualTo(BatchStatus.COMPLETED);
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM submission WHERE status = 'ACCEPTED'").query(Long.class).single())
                    .isEqualTo(3);
            before = figures(context);
            detailsBefore = details(context);
            talliesBefore = count(jdbc, "submission_tally");
            industriesBefore = count(jdbc, "submission_industry");
            // the state a database tallied before these figures existed is in
            for (String figure : ADDED_LATER) {
                assertThat(jdbc.sql("DELETE FROM submission_tally WHERE figure = ?").param(figure).update()).isEqualTo(3);
            }
            // what the briefing would have said without the back-fill: the shared enterprise's 首席质量官
            // comes off a district sum that no longer holds it
            PeriodFigures wrong = context.getBean(FigureCalculator.class).compute(NOVEMBER);
            assertThat(wrong.district().get("cqo_enterprises")).isNegative();
            assertThat(wrong.district().get("financing_amount_ytd")).isZero();
        }
        assertThat(before.get(NOVEMBER).district().get("cqo_enterprises")).isEqualByComparingTo("1");
        assertThat(before.get(NOVEMBER).district().get("financing_amount_ytd")).isEqualByComparingTo("4289.75");

        try (ConfigurableApplicationContext context = start()) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            assertThat(count(jdbc, "submission_tally")).isEqualTo(talliesBefore);
            assertThat(count(jdbc, "submission_industry")).isEqualTo(industriesBefore);
            assertThat(figures(context)).isEqualTo(before);
            assertThat(details(context)).isEqualTo(detailsBefore);
            // nothing is missing any more: the next start has nothing to do
            assertThat(new Tallies(jdbc).takeMissing()).isZero();
        }
    }

    @Test
    void anUntouchedDatabaseCostsStartUpOneQueryAndNoWork() throws Exception {
        Installation.drop(root, TestWorkbook.valid(), "直溪镇-2020-11.xlsx");
        Installation.drop(root, TestWorkbook.valid().cover("填报单位", "金城镇").cover("统计期", "2020-10")
                .set(FINANCING, 0, "登记日期", LocalDate.of(2020, 10, 5))
                .set(FINANCING, 1, "登记日期", LocalDate.of(2020, 10, 20)), "金城镇-2020-10.xlsx");
        try (ConfigurableApplicationContext context = start()) {
            assertThat(context.getBean(NightlyRun.class).run().getStatus()).isEqualTo(BatchStatus.COMPLETED);
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            long tallies = count(jdbc, "submission_tally");
            assertThat(tallies).isEqualTo(2L * Tallies.figureKeys().size());
            AtomicInteger statements = new AtomicInteger();
            assertThat(new Tallies(JdbcClient.create(counting(context.getBean(DataSource.class), statements))).takeMissing())
                    .isZero();
            assertThat(statements).hasValue(1);
            assertThat(count(jdbc, "submission_tally")).isEqualTo(tallies);

            // one figure gone from one submission: only that one is computed again
            jdbc.sql("DELETE FROM submission_tally WHERE figure = 'fee_refund' AND submission_id = "
                    + "(SELECT MIN(id) FROM submission WHERE status = 'ACCEPTED')").update();
            jdbc.sql("UPDATE submission_tally SET tally_value = 999 WHERE figure = 'fee_beneficiaries'").update();
            assertThat(new Tallies(jdbc).takeMissing()).isEqualTo(1);
            assertThat(jdbc.sql("SELECT tally_value FROM submission_tally WHERE figure = 'fee_refund'")
                    .query(BigDecimal.class).list()).allSatisfy(v -> assertThat(v).isEqualByComparingTo("1.25"));
            // figures already tallied are never recomputed
            assertThat(jdbc.sql("SELECT tally_value FROM submission_tally WHERE figure = 'fee_beneficiaries'")
                    .query(BigDecimal.class).list()).hasSize(2).allSatisfy(v -> assertThat(v).isEqualByComparingTo("999"));
        }
    }

    /** A new process on the same folders, as the command line starts it. */
    private ConfigurableApplicationContext start() {
        SpringApplication app = new SpringApplication(QualityBriefingApplication.class);
        app.setRegisterShutdownHook(false);
        List<String> args = new java.util.ArrayList<>(List.of("--qb.input=" + root.resolve("input"),
                "--qb.output=" + root.resolve("output"), "--qb.data=" + root.resolve("data"),
                "--qb.jobs=" + Installation.repositoryJobs()));
        args.addAll(database);
        return app.run(args.toArray(String[]::new));
    }

    private static Map<Period, PeriodFigures> figures(ConfigurableApplicationContext context) {
        FigureCalculator calculator = context.getBean(FigureCalculator.class);
        return Map.of(OCTOBER, calculator.compute(OCTOBER), NOVEMBER, calculator.compute(NOVEMBER));
    }

    private static Map<Period, PeriodDetails> details(ConfigurableApplicationContext context) {
        BriefingFacts facts = context.getBean(BriefingFacts.class);
        return Map.of(OCTOBER, facts.of(OCTOBER).details(), NOVEMBER, facts.of(NOVEMBER).details());
    }

    private static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    /** {@code dataSource}, counting the statements prepared or created on its connections. */
    private static DataSource counting(DataSource dataSource, AtomicInteger statements) {
        InvocationHandler sources = (proxy, method, args) -> {
            Object result = invoke(dataSource, method, args);
            if (result instanceof Connection connection) {
                return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                        (p, m, a) -> {
                            if (m.getName().equals("prepareStatement") || m.getName().equals("createStatement")
                                    || m.getName().equals("prepareCall")) {
                                statements.incrementAndGet();
                            }
                            return invoke(connection, m, a);
                        });
            }
            return result;
        };
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[]{DataSource.class}, sources);
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
