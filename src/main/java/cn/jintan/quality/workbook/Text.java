package cn.jintan.quality.workbook;

import java.text.Normalizer;

/** The one text normalisation of the spec: NFKC, then trimmed (full-width forms become half-width). */
public final class Text {

    private Text() {
    }

    public static String normalise(String raw) {
        if (raw == null) {
            return "";
        }
        if (isAscii(raw)) {
            return raw.strip(); // NFKC leaves ASCII as it is: skip the normaliser for codes and numbers
        }
        // strip() also removes U+3000 (ideographic space), which NFKC already maps to a plain space
        return Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
    }

    /**
     * {@code text} cut to at most {@code max} characters (the width of the column that stores it),
     * ending in an ellipsis when cut, never between the two halves of a surrogate pair.
     */
    public static String fit(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127) {
                return false;
            }
        }
        return true;
    }
}
