package cn.jintan.quality.samples;

import cn.jintan.quality.domain.Uscc;

/** Valid, unique 统一社会信用代码 for generated enterprises, in no particular order (as in a real file). */
public final class ScrambledCodes {

    private ScrambledCodes() {
    }

    /**
     * {@code first8} + nine characters of {@code id} scrambled over 31^9 + the check character. The
     * multiplier is prime to 31, so distinct ids below 31^9 keep distinct codes; the order is what the
     * quality_row(uscc) index pays for, so counting up would flatter it.
     */
    public static String code(String first8, long id) {
        long space = 1;
        for (int i = 0; i < 9; i++) {
            space *= Uscc.ALPHABET.length();
        }
        long v = Math.floorMod(id * 0x9E3779B97L + 0x5DEECE66DL, space);
        StringBuilder org = new StringBuilder();
        for (int i = 0; i < 9; i++, v /= Uscc.ALPHABET.length()) {
            org.append(Uscc.ALPHABET.charAt((int) (v % Uscc.ALPHABET.length())));
        }
        return Uscc.complete(first8 + org.reverse());
    }
}
