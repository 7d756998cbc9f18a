package cn.jintan.quality.workbook;

/** Cell references as Excel writes them ({@code E12}). */
public final class CellAddress {

    private CellAddress() {
    }

    public static String of(int rowIndex, int columnIndex) {
        return column(columnIndex) + (rowIndex + 1);
    }

    public static String column(int columnIndex) {
        StringBuilder s = new StringBuilder();
        for (int c = columnIndex + 1; c > 0; c = (c - 1) / 26) {
            s.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return s.toString();
    }
}
