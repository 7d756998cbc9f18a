package cn.jintan.quality.aggregate;

import cn.jintan.quality.domain.Industry;
import cn.jintan.quality.domain.Period;
import cn.jintan.quality.domain.Uscc;
import cn.jintan.quality.job.NightlyRun;
import cn.jintan.quality.store.SharedEnterprises;
import cn.jintan.quality.store.Tallies;
import cn.jintan.quality.testing.Installation;
import cn.jintan.quality.testing.InstallationRoot;
import cn.jintan.quality.testing.PipelineTest;
import cn.jintan.quality.testing.TestWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Units that report the same enterprises: the district counts each once, under the unit first in
 * code order, whichever submission is the largest. Checked against a recount of the rows the
 * test wrote, and once more after the tallies are thrown away (a database from before tallies).
 */
@PipelineTest
class OverlapTest {

    @InstallationRoot
    static Path root;

    @Autowired
    NightlyRun nightlyRun;

    @Autowired
    FigureCalculator calculator;

    @Autowired
    DetailQueries details;

    @Autowired
    Tallies tallies;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SharedEnterprises sharedEnterprises;

    private static final Period NOVEMBER = Period.of(2020, 11);
    private static final String[] AWARDS = {"无", "区长质量奖", "市长质量奖", "省长质量奖"};

    /** One 质量提升 row as written: unit code, code, industry, key, cqo, 国家标准, award, 江苏精品, 标准领跑者. */
    private record Row(String unit, String uscc, Industry industry, boolean key, boolean cqo, int national, int award,
                       boolean boutique, boolean leader, String name) {
        /** The briefing's honours order: 江苏精品 or 标准领跑者, then 省长, 市长, 区长质量奖. */
        int rank() {
            return boutique || leader ? 0 : 4 - award;
        }

        boolean honoured() {
            return award > 0 || boutique || leader;
        }

        Map<String, Object> cells() {
            return Map.of("企业名称", name, "统一社会信用代码", uscc, "所属产业", industry.spelling(),
                    "重点企业", key ? "是" : "否", "首席质量官", cqo ? "是" : "否", "国家标准", national,
                    "质量奖申报", AWARDS[award], "江苏精品", boutique ? "是" : "否");
        }
    }

    @BeforeEach
    void cleanDatabase() throws IOException {
        Installation.emptyDatabase(jdbc);
        Installation.input(root);
    }

    /**
     * With 40 rows of its own 直溪镇 outweighs the other two together (its codes are looked up, not
     * read); with 3 it does not (every code of the period is read in code order).
     */
    @ParameterizedTest
    @ValueSource(ints = {40, 3})
    void anEnterpriseSeveralUnitsReportCountsOnceUnderTheFirstUnit(int zhixiOwn) throws Exception {
        Random random = new Random(20201130);
        List<String> shared = List.of(code(9001), code(9002), code(9003), code(9004));
        Map<String, String> names = Map.of("jincheng", "金城镇", "rulin", "儒林镇", "zhixi", "直溪镇");
        // 直溪镇, last in code order, sends by far the most rows; the shared codes are spread so that
        // some are kept by 金城镇, some by 儒林镇 and one only 直溪镇 and 儒林镇 share
        Map<String, List<String>> codes = new LinkedHashMap<>();
        codes.put("zhixi", new ArrayList<>(List.of(shared.get(0), shared.get(1), shared.get(3))));
        codes.put("jincheng", new ArrayList<>(List.of(shared.get(0), shared.get(2))));
        codes.put("rulin", new ArrayList<>(List.of(shared.get(0), shared.get(1), shared.get(2), shared.get(3))));
        for (int i = 0; i < zhixiOwn; i++) {
            codes.get("zhixi").add(code(i));
        }
        codes.get("jincheng").add(code(100));
        codes.get("rulin").add(code(200));
        List<Row> written = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, List<String>> unit : codes.entrySet()) {
            TestWorkbook workbook = TestWorkbook.valid().cover("填报单位", names.get(unit.getKey()));
            for (String uscc : unit.getValue()) {
                Row row = new Row(unit.getKey(), uscc, Industry.values()[random.nextInt(Industry.values().length)],
                        random.nextBoolean(), random.nextBoolean(), random.nextInt(4), random.nextInt(4), random.nextInt(5) == 0, false,
                        "测试企业" + n++ + "有限公司");
                written.add(row);
                workbook.quality(row.cells());
            }
            Installation.drop(root, workbook, names.get(unit.getKey()) + "-2020-11.xlsx");
        }
        // every workbook also carries TestWorkbook's two default enterprises (its first rows): shared by all three
        for (String unit : codes.keySet()) {
            written.add(0, new Row(unit, TestWorkbook.CODE_B, Industry.OTHER, false, false, 0, 2, false, false, "江苏直溪机械有限公司"));
            written.add(0, new Row(unit, TestWorkbook.CODE_A, Industry.PHOTOVOLTAIC, true, true, 2, 0, false, true,
                    "常州斯威克光伏新材料有限公司"));
        }

        assertThat(nightlyRun.run().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM submission WHERE status = 'ACCEPTED'").query(Integer.class).single())
                .isEqualTo(3);

        // intake warned every submission once per other unit sharing one of its enterprises, whichever
        // side (the new file or the ones already stored) it read to find them
        Map<String, Integer> warnings = new LinkedHashMap<>();
        jdbc.sql("SELECT s.unit_code, COUNT(*) FROM submission_issue i JOIN submission s ON s.id = i.submission_id "
                        + "WHERE i.code = 'cross.duplicate_enterprise' GROUP BY s.unit_code ORDER BY s.unit_code")
                .query((java.sql.ResultSet rs) -> {
                    warnings.put(rs.getString(1), rs.getInt(2));
                });
        assertThat(warnings).containsExactly(Map.entry("jincheng", 7), Map.entry("rulin", 9), Map.entry("zhixi", 8));

        // the lookup behind those warnings, for the whole period at once: 直溪镇 (40 rows of its own,
        // more than the other two together) is not read but probed by key
        Map<Long, List<SharedEnterprises.SharedEnterprise>> pairs = sharedEnterprises.inPeriod("2020-11");
        for (String unit : codes.keySet()) {
            long id = jdbc.sql("SELECT id FROM submission WHERE status = 'ACCEPTED' AND unit_code = ?").param(unit)
                    .query(Long.class).single();
            List<String> expected = written.stream().filter(r -> r.unit().equals(unit))
                    .flatMap(r -> written.stream().filter(o -> !o.unit().equals(unit) && o.uscc().equals(r.uscc()))
                            .map(o -> r.uscc() + " " + o.unit()))
                    .sorted().toList();
            assertThat(pairs.get(id).stream().map(e -> e.uscc() + " " + e.otherUnit()).sorted().toList())
                    .as(unit).isEqualTo(expected);
        }

        List<Row> kept = firstOfEachEnterprise(written);
        assertThat(kept).hasSize(zhixiOwn + 4 + 2 + 2); // zhixi's own, the shared four, one each of 金城镇 and 儒林镇, A and B
        PeriodFigures figures = calculator.compute(NOVEMBER);
        assertDistrict(figures, kept);
        assertThat(figures.units().stream().filter(u -> u.unit().code().equals("zhixi")).findFirst().orElseThrow()
                .figures().get("enterprises_reported")).isEqualByComparingTo(BigDecimal.valueOf(codes.get("zhixi").size() + 2));
        PeriodDetails before = details.of(NOVEMBER);
        assertDetails(before, kept);

        // every indicator added later: start-up tallies the stored rows in SQL, and the figures come out the same
        jdbc.sql("DELETE FROM submission_tally").update();
        tallies.takeMissing();
        assertThat(calculator.compute(NOVEMBER)).isEqualTo(figures);
        assertThat(details.of(NOVEMBER)).isEqualTo(before);

        // 金城镇 resends with only the two default enterprises: what it shared before (9001, 9003) and
        // its own row no longer count for it, and 儒林镇 now keeps 9001 and 9003
        Installation.drop(root, TestWorkbook.valid().cover("填报单位", "金城镇"), "金城镇-2020-11-更正.xlsx");
        assertThat(nightlyRun.run().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<Row> resent = new ArrayList<>(written.stream().filter(r -> !r.unit().equals("jincheng")).toList());
        resent.addAll(written.stream().filter(r -> r.unit().equals("jincheng"))
                .filter(r -> r.uscc().equals(TestWorkbook.CODE_A) || r.uscc().equals(TestWorkbook.CODE_B)).toList());
        List<Row> keptAfter = firstOfEachEnterprise(resent);
        assertThat(keptAfter).hasSize(zhixiOwn + 4 + 1 + 2);
        assertDistrict(calculator.compute(NOVEMBER), keptAfter);
    }

    private static void assertDistrict(PeriodFigures figures, List<Row> kept) {
        Map<String, BigDecimal> district = figures.district();
        assertThat(district.get("enterprises_reported")).isEqualByComparingTo(BigDecimal.valueOf(kept.size()));
        assertThat(district.get("key_enterprises")).isEqualByComparingTo(count(kept, Row::key));
        assertThat(district.get("cqo_enterprises")).isEqualByComparingTo(count(kept, Row::cqo));
        assertThat(district.get("std_national"))
                .isEqualByComparingTo(BigDecimal.valueOf(kept.stream().mapToInt(Row::national).sum()));
        assertThat(district.get("award_mayor")).isEqualByComparingTo(count(kept, r -> r.award() == 2));
        assertThat(district.get("award_governor")).isEqualByComparingTo(count(kept, r -> r.award() == 3));
        assertThat(district.get("jiangsu_boutique")).isEqualByComparingTo(count(kept, Row::boutique));
    }

    private static void assertDetails(PeriodDetails details, List<Row> kept) {
        for (PeriodDetails.IndustryRow row : details.industries()) {
            List<Row> of = kept.stream().filter(r -> r.industry() == row.industry()).toList();
            assertThat(row.enterprises()).as(row.industry().name()).isEqualByComparingTo(BigDecimal.valueOf(of.size()));
            assertThat(row.keyEnterprises()).isEqualByComparingTo(count(of, Row::key));
            assertThat(row.cqo()).isEqualByComparingTo(count(of, Row::cqo));
        }
        assertThat(details.honoursTotal()).isEqualTo(count(kept, Row::honoured).intValue());
        assertThat(details.honours()).hasSize(details.honoursTotal());
        // listed once, under the unit that keeps the enterprise: highest honours first, then unit and row,
        // then grouped by unit in registry order (金城镇, 儒林镇, 直溪镇)
        List<String> order = List.of("jincheng", "rulin", "zhixi");
        List<String> expected = kept.stream().filter(Row::honoured)
                .sorted(Comparator.comparingInt(Row::rank).thenComparing(Row::unit))
                .sorted(Comparator.comparingInt(r -> order.indexOf(r.unit())))
                .map(r -> r.unit() + " " + r.name()).toList();
        assertThat(details.honours().stream().map(h -> h.unit().code() + " " + h.enterprise()).toList())
                .containsExactlyElementsOf(expected);
        assertThat(details.crossDuplicates()).extracting(PeriodDetails.CrossDuplicate::uscc)
                .containsExactlyInAnyOrder(TestWorkbook.CODE_A, TestWorkbook.CODE_B, code(9001), code(9002), code(9003), code(9004));
        PeriodDetails.CrossDuplicate first = details.crossDuplicates().stream()
                .filter(d -> d.uscc().equals(code(9001))).findFirst().orElseThrow();
        assertThat(first.units()).extracting(u -> u.code()).containsExactly("jincheng", "rulin", "zhixi");
        PeriodDetails.CrossDuplicate fourth = details.crossDuplicates().stream()
                .filter(d -> d.uscc().equals(code(9004))).findFirst().orElseThrow();
        assertThat(fourth.units()).extracting(u -> u.code()).containsExactlyInAnyOrder("rulin", "zhixi");
    }

    /** For each enterprise, the row of the unit first in code order. */
    private static List<Row> firstOfEachEnterprise(List<Row> rows) {
        Map<String, Row> first = new LinkedHashMap<>();
        rows.stream().sorted(Comparator.comparing(Row::unit)).forEach(r -> first.putIfAbsent(r.uscc(), r));
        return List.copyOf(first.values());
    }

    private static BigDecimal count(List<Row> rows, java.util.function.Predicate<Row> test) {
        return BigDecimal.valueOf(rows.stream().filter(test).count());
    }

    private static String code(int n) {
        return Uscc.complete(String.format("91320482MA1R%05d", n));
    }
}
