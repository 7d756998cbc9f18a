package cn.jintan.quality.domain;

/** 质量奖申报: the highest quality award an enterprise applied for. */
public enum AwardApplication implements Vocabulary {
    NONE("无"),
    DISTRICT("区长质量奖"),
    MAYOR("市长质量奖"),
    GOVERNOR("省长质量奖");

    private final String spelling;

    AwardApplication(String spelling) {
        this.spelling = spelling;
    }

    @Override
    public String spelling() {
        return spelling;
    }
}
