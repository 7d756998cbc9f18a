package cn.jintan.quality.domain;

/**
 * A short ASCII code (a USCC is 18 characters) packed 7 bits a character into two longs, in the
 * string's order, so codes are held and compared as numbers: 16 bytes instead of a String's ~60.
 * Used where a whole file's codes are kept at once (validation's duplicate check, the store's
 * sorted code table).
 */
public final class PackedCode {

    /** Characters a long holds; two longs hold a code of up to 18. */
    public static final int PER_LONG = 9;

    private PackedCode() {
    }

    /** Characters {@code from} to {@code from + 9} of {@code s}, missing ones as 0. */
    public static long pack(String s, int from) {
        long packed = 0;
        for (int i = from; i < from + PER_LONG; i++) {
            packed = (packed << 7) | (i < s.length() ? s.charAt(i) : 0);
        }
        return packed;
    }

    /** The nine characters {@link #pack} packed (a full-length code has no 0 among them). */
    public static String unpack(long packed) {
        char[] chars = new char[PER_LONG];
        for (int i = PER_LONG - 1; i >= 0; i--) {
            chars[i] = (char) (packed & 0x7F);
            packed >>>= 7;
        }
        return new String(chars);
    }
}
