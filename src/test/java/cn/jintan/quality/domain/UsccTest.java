package cn.jintan.quality.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UsccTest {

    @Test
    void theSpecExampleIsValid() {
        assertThat(Uscc.check("91350100M000100Y43")).isEqualTo(Uscc.Check.VALID);
    }

    @Test
    void aWrongCheckCharacterFailsTheChecksum() {
        assertThat(Uscc.check("91350100M000100Y44")).isEqualTo(Uscc.Check.BAD_CHECKSUM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "91350100M000100Y4", "91350100M000100Y433", "91350100I000100Y43", "91350100O000100Y43",
            "91350100S000100Y43", "91350100V000100Y43", "91350100Z000100Y43", "91350100m000100Y43", "9135010-M000100Y43"})
    void wrongLengthOrCharactersAreFormatErrors(String code) {
        assertThat(Uscc.check(code)).isEqualTo(Uscc.Check.BAD_FORMAT);
    }

    @Test
    void nullIsAFormatError() {
        assertThat(Uscc.check(null)).isEqualTo(Uscc.Check.BAD_FORMAT);
    }

    @Test
    void completeComputesTheCheckCharacter() {
        assertThat(Uscc.complete("91350100M000100Y4")).isEqualTo("91350100M000100Y43");
        String code = Uscc.complete("91320482MA1MXY312");
        assertThat(Uscc.check(code)).isEqualTo(Uscc.Check.VALID);
        // every other last character is then wrong
        for (char c : Uscc.ALPHABET.toCharArray()) {
            if (c != code.charAt(17)) {
                assertThat(Uscc.check(code.substring(0, 17) + c)).isEqualTo(Uscc.Check.BAD_CHECKSUM);
            }
        }
    }

    @Test
    void aCheckValueOf31MapsToZero() {
        // find a prefix whose weighted sum is a multiple of 31: its check character must be '0'
        String prefix = "00000000000000000";
        assertThat(Uscc.checkCharacter(prefix)).isEqualTo('0');
    }

    @Test
    void completeRejectsCharactersOutsideTheAlphabet() {
        assertThatThrownBy(() -> Uscc.complete("91350100I000100Y4")).isInstanceOf(IllegalArgumentException.class);
    }
}
