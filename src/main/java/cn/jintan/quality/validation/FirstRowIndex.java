package cn.jintan.quality.validation;

import cn.jintan.quality.domain.PackedCode;

import java.util.HashMap;
import java.util.Map;

/**
 * Key → the row it first appeared in, for the per-sheet uniqueness rules. A HashMap of String →
 * Integer costs ~120 bytes a key (a million USCCs: ~120 MB, half a 256 MB heap); here a short
 * ASCII key (a USCC is 18 characters) is packed 7 bits a character into two longs in an
 * open-addressing table with an int row: 20 bytes a slot. Other keys fall back to a HashMap.
 */
final class FirstRowIndex {

    private static final int MAX_PACKED = 18;

    private long[] high = new long[1024];
    private long[] low = new long[1024];
    private int[] rows = new int[1024]; // 0 = empty slot: row numbers start at 1
    private int size;
    private Map<Object, Integer> others;

    /**
     * Records {@code row} (≥ 1) for {@code key} unless the key was seen before; returns the earlier
     * row, or 0 when the key is new.
     */
    int putIfAbsent(Object key, int row) {
        if (row < 1) {
            throw new IllegalArgumentException("row numbers start at 1: " + row);
        }
        if (!(key instanceof String s) || !packable(s)) {
            if (others == null) {
                others = new HashMap<>();
            }
            Integer first = others.putIfAbsent(key, row);
            return first == null ? 0 : first;
        }
        long h = PackedCode.pack(s, 0);
        long l = PackedCode.pack(s, PackedCode.PER_LONG);
        int mask = rows.length - 1;
        for (int i = slot(h, l) & mask; ; i = (i + 1) & mask) {
            if (rows[i] == 0) {
                high[i] = h;
                low[i] = l;
                rows[i] = row;
                if (++size > rows.length * 3 / 4) {
                    grow();
                }
                return 0;
            }
            if (high[i] == h && low[i] == l) {
                return rows[i];
            }
        }
    }

    int size() {
        return size + (others == null ? 0 : others.size());
    }

    /** ASCII without NUL (NUL is the padding), at most 18 characters: packing is then one-to-one. */
    private static boolean packable(String s) {
        if (s.length() > MAX_PACKED) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0 || c > 127) {
                return false;
            }
        }
        return true;
    }

    private static int slot(long h, long l) {
        long x = h * 0x9E3779B97F4A7C15L + l;
        x ^= x >>> 33;
        x *= 0xFF51AFD7ED558CCDL;
        x ^= x >>> 33;
        return (int) x;
    }

    private void grow() {
        long[] oldHigh = high;
        long[] oldLow = low;
        int[] oldRows = rows;
        high = new long[oldRows.length * 2];
        low = new long[oldRows.length * 2];
        rows = new int[oldRows.length * 2];
        int mask = rows.length - 1;
        for (int j = 0; j < oldRows.length; j++) {
            if (oldRows[j] != 0) {
                int i = slot(oldHigh[j], oldLow[j]) & mask;
                while (rows[i] != 0) {
                    i = (i + 1) & mask;
                }
                high[i] = oldHigh[j];
                low[i] = oldLow[j];
                rows[i] = oldRows[j];
            }
        }
    }
}
