package cn.jintan.quality.report;

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
}
