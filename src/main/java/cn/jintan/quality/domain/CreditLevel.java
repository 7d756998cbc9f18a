package cn.jintan.quality.domain;

/** 质量信用等级申报. */
public enum CreditLevel implements Vocabulary {
    NONE("无"),
    A("A"),
    AA("AA"),
    AAA("AAA");

    private final String spelling;

    CreditLevel(String spelling) {
        this.spelling = spelling;
    }

    @Override
    public String spelling() {
        return spelling;
    }
}
