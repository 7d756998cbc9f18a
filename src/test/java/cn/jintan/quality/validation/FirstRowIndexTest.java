package cn.jintan.quality.validation;

import cn.jintan.quality.domain.Uscc;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class FirstRowIndexTest {

    @Test
    void reportsTheFirstRowOfEveryRepeatedCodeLikeAHashMap() {
        Random random = new Random(6);
        FirstRowIndex index = new FirstRowIndex();
        Map<String, Integer> expected = new HashMap<>();
        String[] codes = new String[50_000];
        for (int i = 0; i < codes.length; i++) {
            StringBuilder first17 = new StringBuilder();
            for (int c = 0; c < 17; c++) {
                first17.append(Uscc.ALPHABET.charAt(random.nextInt(Uscc.ALPHABET.length())));
            }
            codes[i] = Uscc.complete(first17.toString());
        }
        // 200k rows drawn from 50k codes: many repeats, several table growths
        for (int row = 1; row <= 200_000; row++) {
            String code = codes[random.nextInt(codes.length)];
            Integer first = expected.putIfAbsent(code, row);
            assertThat(index.putIfAbsent(code, row)).isEqualTo(first == null ? 0 : first);
        }
        assertThat(index.size()).isEqualTo(expected.size());
    }

    @Test
    void keysThatDifferOnlyInLengthOrPositionStayApart() {
        FirstRowIndex index = new FirstRowIndex();
        assertThat(index.putIfAbsent("A", 1)).isZero();
        assertThat(index.putIfAbsent("AA", 2)).isZero();
        assertThat(index.putIfAbsent("123456789", 3)).isZero();
        assertThat(index.putIfAbsent("000000000123456789", 4)).isZero();
        assertThat(index.putIfAbsent("123456789000000000", 5)).isZero();
        assertThat(index.putIfAbsent("A", 6)).isEqualTo(1);
        assertThat(index.putIfAbsent("123456789000000000", 7)).isEqualTo(5);
    }

    @Test
    void otherKeysFallBackToAMap() {
        FirstRowIndex index = new FirstRowIndex();
        assertThat(index.putIfAbsent("检验检测费", 3)).isZero();
        assertThat(index.putIfAbsent("a code longer than eighteen", 4)).isZero();
        assertThat(index.putIfAbsent(42, 5)).isZero();
        assertThat(index.putIfAbsent("检验检测费", 9)).isEqualTo(3);
        assertThat(index.putIfAbsent("a code longer than eighteen", 10)).isEqualTo(4);
        assertThat(index.putIfAbsent(42, 11)).isEqualTo(5);
        assertThat(index.size()).isEqualTo(3);
    }
}
