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
        // strip() also removes U+3000 (ideographic space), which NFKC already maps to a plain space
        return Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
    }
}
