package cn.jintan.quality.report;

import cn.jintan.quality.JsonFiles;
import cn.jintan.quality.domain.Period;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The figures file's shape, pinned: key order, money with 2 decimals, nulls, Chinese as written. */
class FiguresJsonTest {

    @Test
    void aFiguresFileHasTheShapeOfTheContract() throws IOException {
        Period november = Period.of(2020, 11);
        Map<String, BigDecimal> district = new LinkedHashMap<>();
        district.put("enterprises_reported", new BigDecimal("40"));
        district.put("financing_amount", new BigDecimal("667500.00"));
        district.put("financing_amount_ytd", new BigDecimal("0.00"));
        FiguresJson figures = new FiguresJson(november, OffsetDateTime.parse("2020-12-03T02:00:05.120+08:00"),
                LocalDate.of(2020, 12, 3),
                new FiguresJson.CoverageJson(2, 1, List.of("直溪镇"), List.of("金城镇"), List.of(), false,
                        List.of(Period.of(2020, 10), november), false, Map.of("金城镇", List.of(november))),
                district,
                List.of(new FiguresJson.UnitJson("zhixi", "直溪镇", "accepted", district, new FiguresJson.UnitCoverage(List.of())),
                        new FiguresJson.UnitJson("jincheng", "金城镇", "missing", null,
                                new FiguresJson.UnitCoverage(List.of(november)))),
                List.of("金城镇"), List.of(),
                new FiguresJson.Comparisons(new FiguresJson.Comparison(Period.of(2020, 10), true, "comparable", null),
                        new FiguresJson.YearOnYear(Period.of(2019, 11), false, "no_data", "2019年11月无数据",
                                false, "not_like_for_like", "口径不同")),
                List.of(new FiguresJson.SubmissionJson("直溪镇", "直溪镇-2020-11.xlsx", "ab".repeat(32), 2, "accepted")));

        assertThat(new String(new JsonFiles().bytes(figures), StandardCharsets.UTF_8)).isEqualTo(expected("figures.json"));
    }

    static String expected(String name) throws IOException {
        try (InputStream in = FiguresJsonTest.class.getResourceAsStream("/json/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
