package cn.jintan.quality.workbook;

/** Why a file could not be opened as a workbook; each maps to a {@code file.*} rule code. */
public enum FileProblem {
    UNREADABLE("file.unreadable"),
    FORMAT("file.format"),
    ENCRYPTED("file.encrypted"),
    MACRO("file.macro"),
    TOO_LARGE("file.too_large"),
    UNSAFE("file.unsafe");

    private final String code;

    FileProblem(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
