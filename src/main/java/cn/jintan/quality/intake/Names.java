package cn.jintan.quality.intake;

/**
 * File names as staff (or anyone who can write to the drop box) chose them, made safe to print:
 * a newline, carriage return, escape sequence or other control character in a name cannot start
 * a forged log line or move a terminal's cursor.
 */
public final class Names {

    private Names() {
    }

    /** {@code name} with every control, line or paragraph separator and bidi control character escaped ({@code \n}, {@code \u001B}). */
    public static String printable(String name) {
        if (name == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || c == 0x85
                            || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
                        out.append(String.format("\\u%04X", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
