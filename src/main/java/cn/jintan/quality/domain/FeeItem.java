package cn.jintan.quality.domain;

/** The fixed item rows of sheet 减费让利. */
public enum FeeItem implements Vocabulary {
    WATER("减免水费"),
    ELECTRICITY("减免电费"),
    GAS("减免燃气费"),
    REFUND("清退涉企收费"),
    OTHER("其他减免");

    private final String spelling;

    FeeItem(String spelling) {
        this.spelling = spelling;
    }

    @Override
    public String spelling() {
        return spelling;
    }
}
