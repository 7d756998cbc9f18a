package cn.jintan.quality.domain;

/** 统一社会信用代码 (GB 32100-2015): format and check character. */
public final class Uscc {

    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public enum Check { VALID, BAD_FORMAT, BAD_CHECKSUM }

    private Uscc() {
    }

    /** {@code code} must already be NFKC-normalised and upper-cased. */
    public static Check check(String code) {
        if (code == null || code.length() != 18) {
            return Check.BAD_FORMAT;
        }
        int sum = 0; // one pass: every row of a file is checked
        for (int i = 0; i < 18; i++) {
            int value = ALPHABET.indexOf(code.charAt(i));
            if (value < 0) {
                return Check.BAD_FORMAT;
            }
            if (i < 17) {
                sum += value * WEIGHTS[i];
            }
        }
        return checkOf(sum) == code.charAt(17) ? Check.VALID : Check.BAD_CHECKSUM;
    }

    /** The check character for the first 17 characters of a code. */
    static char checkCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("need 17 characters: " + first17);
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("not a USCC character: " + first17.charAt(i));
            }
            sum += value * WEIGHTS[i];
        }
        return checkOf(sum);
    }

    private static char checkOf(int weightedSum) {
        int check = 31 - weightedSum % 31;
        return ALPHABET.charAt(check == 31 ? 0 : check);
    }

    /** A complete valid code from its first 17 characters. */
    public static String complete(String first17) {
        return first17 + checkCharacter(first17);
    }
}
