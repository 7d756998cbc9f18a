package cn.jintan.quality.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodTest {

    @ParameterizedTest
    @ValueSource(strings = {"2020-11", "2020年11月", "2020/11", "2020.11", " 2020-11 ", "2020年11月份", "2020 年 11 月"})
    void readsTheSpellingsStaffUse(String text) {
        assertThat(Period.parse(text)).contains(Period.of(2020, 11));
    }

    @Test
    void readsSingleDigitMonths() {
        assertThat(Period.parse("2020/3")).contains(Period.of(2020, 3));
        assertThat(Period.parse("2020年3月")).contains(Period.of(2020, 3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2020", "2020-13", "2020-00", "11月", "二〇二〇年十一月", "2020-11-05", "20-11", "abc"})
    void rejectsWhatIsNotAMonth(String text) {
        assertThat(Period.parse(text)).isEmpty();
    }

    @Test
    void nullIsNotAPeriod() {
        assertThat(Period.parse(null)).isEmpty();
    }

    @Test
    void navigatesMonthsAndYears() {
        Period nov = Period.of(2020, 11);
        assertThat(nov.toString()).isEqualTo("2020-11");
        assertThat(nov.previous()).isEqualTo(Period.of(2020, 10));
        assertThat(Period.of(2020, 1).previous()).isEqualTo(Period.of(2019, 12));
        assertThat(nov.sameMonthLastYear()).isEqualTo(Period.of(2019, 11));
        assertThat(nov.januaryOfYear()).isEqualTo(Period.of(2020, 1));
        assertThat(nov.contains(LocalDate.of(2020, 11, 30))).isTrue();
        assertThat(nov.contains(LocalDate.of(2020, 12, 1))).isFalse();
        assertThat(Period.of(LocalDate.of(2020, 11, 5))).isEqualTo(nov);
    }
}
