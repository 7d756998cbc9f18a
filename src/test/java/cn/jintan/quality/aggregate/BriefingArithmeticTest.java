package cn.jintan.quality.aggregate;

import cn.jintan.quality.domain.Period;
import cn.jintan.quality.domain.Unit;
import cn.jintan.quality.domain.UnitKind;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The arithmetic behind 环比/同比, 目标完成率 against 序时进度, and the ranking. */
class BriefingArithmeticTest {

    @Test
    void changeIsAPercentageOfTheBaseRoundedHalfUpToOneDecimal() {
        assertThat(new Change(new BigDecimal("3001.00"), new BigDecimal("1300.00")).percent()).isEqualByComparingTo("130.8");
        assertThat(new Change(new BigDecimal("1"), new BigDecimal("2")).percent()).isEqualByComparingTo("-50.0");
        assertThat(new Change(new BigDecimal("75"), new BigDecimal("75")).delta()).isEqualByComparingTo("0");
        // 1/3 = 33.333..% and 2/3 = 66.666..%: half-up at one decimal
        assertThat(new Change(new BigDecimal("4"), new BigDecimal("3")).percent()).isEqualByComparingTo("33.3");
        assertThat(new Change(new BigDecimal("5"), new BigDecimal("3")).percent()).isEqualByComparingTo("66.7");
        assertThat(new Change(new BigDecimal("5"), BigDecimal.ZERO).percent()).isNull();
    }

    @Test
    void targetProgressAgainstTimeElapsedAsInTheSpecExample() {
        // briefing.md: at November 85.0% of the target is 6.7 points below 序时进度 91.7%
        TargetProgress p = TargetProgress.of("financing_amount_ytd", new BigDecimal("680000.00"), new BigDecimal("800000"), 11);
        assertThat(p.completion()).isEqualByComparingTo("85.0");
        assertThat(p.schedule()).isEqualByComparingTo("91.7");
        assertThat(p.gap()).isEqualByComparingTo("-6.7");
        // the reference case: 66.75 亿元 of 80 亿元 = 83.4375% -> 83.4%
        assertThat(TargetProgress.of("financing_amount_ytd", new BigDecimal("667500.00"), new BigDecimal("800000"), 11)
                .completion()).isEqualByComparingTo("83.4");
        // ahead of time in June (50.0%): 75 of 80 = 93.8%, 43.8 points above
        TargetProgress june = TargetProgress.of("cqo_enterprises", new BigDecimal("75"), new BigDecimal("80"), 6);
        assertThat(june.schedule()).isEqualByComparingTo("50.0");
        assertThat(june.gap()).isEqualByComparingTo("43.8");
        assertThat(TargetProgress.of("k", new BigDecimal("1"), new BigDecimal("1"), 12).gap()).isEqualByComparingTo("0");
    }

    @Test
    void rankingSharesRanksOnTiesKeepsRegistryOrderAndComparesWithLastMonth() {
        PeriodFigures now = figures(Period.of(2020, 11), Map.of("a", 5, "b", 9, "c", 5, "d", 1), "e");
        PeriodFigures before = figures(Period.of(2020, 10), Map.of("a", 9, "b", 1, "c", 5, "e", 3), "d");
        Ranking ranking = Ranking.of("x", now, Optional.of(before));
        assertThat(ranking.ranked()).extracting(r -> r.unit().code()).containsExactly("b", "a", "c", "d");
        assertThat(ranking.ranked()).extracting(Ranking.RankedUnit::rank).containsExactly(1, 2, 2, 4);
        // b rose from 4th to 1st, a fell from 1st to 2nd, c stayed 2nd, d was not ranked last month
        assertThat(ranking.ranked()).extracting(Ranking.RankedUnit::rise).containsExactly(3, -1, 0, null);
        assertThat(ranking.previousRanked()).isTrue();
        assertThat(ranking.furthestBehind()).extracting(r -> r.unit().code()).containsExactly("d", "c", "a");
        assertThat(ranking.of("e")).isEmpty(); // no accepted data, no rank
    }

    @Test
    void fewerThanFourReportingUnitsAreNotRankedNorNamedAsFurthestBehind() {
        PeriodFigures three = figures(Period.of(2020, 11), Map.of("a", 5, "b", 9, "c", 1), "d");
        Ranking ranking = Ranking.of("x", three, Optional.empty());
        assertThat(ranking.ranks()).isFalse();
        assertThat(ranking.reporting()).isEqualTo(3);
        assertThat(ranking.furthestBehind()).isEmpty();
        // last month with three units: this month's ranks have nothing to compare with ("—", not 新进)
        PeriodFigures four = figures(Period.of(2020, 12), Map.of("a", 5, "b", 9, "c", 1, "d", 2), "e");
        Ranking next = Ranking.of("x", four, Optional.of(three));
        assertThat(next.ranks()).isTrue();
        assertThat(next.previousRanked()).isFalse();
        assertThat(next.ranked()).extracting(Ranking.RankedUnit::rise).containsOnlyNulls();
    }

    @Test
    void aUnitWithoutAcceptedDataHasNoFiguresNotZeros() {
        PeriodFigures.UnitFigures rejected = new PeriodFigures.UnitFigures(new Unit("r", "r", UnitKind.TOWN, List.of()),
                "rejected", Map.of("x", BigDecimal.ZERO));
        assertThat(rejected.reported()).isFalse();
        assertThat(rejected.figures()).isNull();
        assertThat(rejected.get("x")).isNull();
        Coverage coverage = figures(Period.of(2020, 3), Map.of("a", 1), "b").coverage();
        assertThat(coverage.complete()).isFalse();
        assertThat(coverage.reported()).extracting(Unit::code).containsExactly("a");
        // a unit that did not report lacks the period itself
        assertThat(coverage.missingMonths().keySet()).extracting(Unit::code).containsExactly("b", "c", "d", "e");
        assertThat(coverage.missingMonths().values()).allSatisfy(m -> assertThat(m).containsExactly(Period.of(2020, 3)));
    }

    @Test
    void changeOfZeroIsFlatAndAZeroBaseHasNoPercentButADelta() {
        assertThat(new Change(new BigDecimal("7"), new BigDecimal("7")).flat()).isTrue();
        assertThat(new Change(BigDecimal.ZERO, BigDecimal.ZERO).flat()).isTrue();
        Change fromZero = new Change(new BigDecimal("1"), BigDecimal.ZERO);
        assertThat(fromZero.flat()).isFalse();
        assertThat(fromZero.percent()).isNull();
        assertThat(fromZero.delta()).isEqualByComparingTo("1");
    }

    private static PeriodFigures figures(Period period, Map<String, Integer> values, String missing) {
        List<PeriodFigures.UnitFigures> units = new java.util.ArrayList<>();
        for (String code : List.of("a", "b", "c", "d", "e")) {
            Unit unit = new Unit(code, code, UnitKind.TOWN, List.of());
            if (values.containsKey(code)) {
                units.add(new PeriodFigures.UnitFigures(unit, "accepted", Map.of("x", BigDecimal.valueOf(values.get(code)))));
            } else {
                units.add(new PeriodFigures.UnitFigures(unit, code.equals(missing) ? "missing" : "rejected", Map.of("x", BigDecimal.ZERO)));
            }
        }
        return new PeriodFigures(period, Map.of(), units, List.of());
    }
}
