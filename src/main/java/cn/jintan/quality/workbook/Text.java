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

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127) {
                return false;
            }
        }
        return true;
    }
}
