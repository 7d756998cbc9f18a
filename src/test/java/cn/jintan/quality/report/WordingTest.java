package cn.jintan.quality.report;

import cn.jintan.quality.aggregate.Change;
import cn.jintan.quality.aggregate.Comparability;
import cn.jintan.quality.aggregate.Comparison;
import cn.jintan.quality.domain.Period;
import cn.jintan.quality.messages.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class WordingTest {

    private final Wording wording = new Wording(Messages.catalogue());

    @ParameterizedTest(name = "{0} 万元 → {1}")
    @CsvSource({
            "667500.00, 66.75亿元",     // the seed article's financing amount
            "10000.00, 1亿元",
            "150000.00, 15亿元",
            "10640.00, 1.064亿元",      // exact, never rounded to 1.06亿元
            "123456.78, 12.345678亿元",
            "9999.99, 9999.99万元",
            "9800.50, 9800.5万元",
            "360.00, 360万元",
            "0.00, 0万元",
    })
    void amountsAreInYiFromOneYiOtherwiseInWanNeverRounded(String wan, String expected) {
        assertThat(wording.amount(new BigDecimal(wan))).isEqualTo(expected);
    }

    @Test
    void countsLoseTrailingZerosButNotTrailingDigits() {
        assertThat(wording.plain(new BigDecimal("100"))).isEqualTo("100");
        assertThat(wording.plain(new BigDecimal("1E+2"))).isEqualTo("100");
        assertThat(wording.plain(new BigDecimal("0.00"))).isEqualTo("0");
    }

    @Test
    void yearToDateSpanAndDates() {
        assertThat(wording.ytdSpan(Period.of(2020, 11))).isEqualTo("1-11月");
        assertThat(wording.ytdSpan(Period.of(2021, 1))).isEqualTo("1月");
        assertThat(wording.period(Period.of(2020, 11))).isEqualTo("2020年11月");
        assertThat(wording.date(LocalDate.of(2020, 12, 1))).isEqualTo("2020年12月1日");
    }

    @Test
    void changesArePercentFlatAbsoluteFromZeroDifferentOrADash() {
        java.util.function.Function<Comparability.Kind, Comparability> basis =
                kind -> new Comparability(kind, Period.of(2020, 10), java.util.List.of(), java.util.List.of());
        Comparability comparable = basis.apply(Comparability.Kind.COMPARABLE);
        assertThat(wording.change(new Comparison(comparable, new Change(new BigDecimal("4001.00"), new BigDecimal("3001.00"))),
                true, "万元")).isEqualTo("+33.3%");
        assertThat(wording.change(new Comparison(comparable, new Change(new BigDecimal("1"), new BigDecimal("2"))),
                false, "家")).isEqualTo("-50.0%");
        assertThat(wording.change(new Comparison(comparable, new Change(BigDecimal.ZERO, BigDecimal.ZERO)), false, "家"))
                .isEqualTo("持平");
        assertThat(wording.change(new Comparison(comparable, new Change(BigDecimal.ONE, BigDecimal.ZERO)), false, "家"))
                .isEqualTo("+1家");
        assertThat(wording.change(new Comparison(comparable, new Change(new BigDecimal("0.00"), new BigDecimal("0.00"))),
                true, "万元")).isEqualTo("持平");
        assertThat(wording.change(new Comparison(comparable, new Change(new BigDecimal("1200.50"), new BigDecimal("0.00"))),
                true, "万元")).isEqualTo("+1,200.50万元");
        assertThat(wording.change(new Comparison(basis.apply(Comparability.Kind.NOT_LIKE_FOR_LIKE), null), false, "家"))
                .isEqualTo("口径不同");
        assertThat(wording.change(new Comparison(basis.apply(Comparability.Kind.NO_DATA), null), false, "家")).isEqualTo("—");
        assertThat(wording.cell(null, true)).isEqualTo("未报送");
        assertThat(wording.cell(new BigDecimal("1500.5"), true)).isEqualTo("1,500.50");
    }

    @Test
    void monthsAreWrittenAsRanges() {
        CoverageWords words = new CoverageWords(Messages.catalogue(), wording);
        assertThat(words.monthNumbers(java.util.List.of(1, 2, 3, 7))).isEqualTo("1-3、7月");
        assertThat(words.monthNumbers(java.util.List.of(3, 5))).isEqualTo("3、5月");
        assertThat(words.monthNumbers(java.util.List.of(11))).isEqualTo("11月");
    }
}
