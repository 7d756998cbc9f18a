package cn.jintan.quality.domain;

/** 登记类型 of a financing registration. */
public enum RegistrationType implements Vocabulary {
    MORTGAGE("动产抵押"),
    EQUITY("股权出质"),
    IP("知识产权质押"),
    OTHER("其他");

    private final String spelling;

    RegistrationType(String spelling) {
        this.spelling = spelling;
    }

    @Override
    public String spelling() {
        return spelling;
    }
}
