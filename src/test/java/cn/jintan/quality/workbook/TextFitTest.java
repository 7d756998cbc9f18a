package cn.jintan.quality.workbook;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextFitTest {

    @Test
    void aTextLongerThanItsColumnIsCutWithAnEllipsis() {
        assertThat(Text.fit("abcdef", 6)).isEqualTo("abcdef");
        assertThat(Text.fit("abcdefg", 6)).isEqualTo("abcde…").hasSize(6);
        assertThat(Text.fit(null, 6)).isNull();
    }

    @Test
    void neverBetweenTheHalvesOfASurrogatePair() {
        String text = "abcd\uD842\uDFB7xyz"; // 𠮷 outside the BMP at characters 5-6
        String cut = Text.fit(text, 6);
        assertThat(cut).isEqualTo("abcd…");
        assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 2))).isFalse();
    }
}
