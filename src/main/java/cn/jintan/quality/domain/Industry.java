package cn.jintan.quality.domain;

/** 所属产业: the "三新一特" industry chains and the rest. */
public enum Industry implements Vocabulary {
    NEW_ENERGY_VEHICLES("新能源汽车"),
    MOBILE_COMMUNICATION("新一代移动通信"),
    BIOTECH_MEDICINE("生物技术和新医药"),
    PHOTOVOLTAIC("光伏新能源"),
    OTHER("其他");

    private final String spelling;

    Industry(String spelling) {
        this.spelling = spelling;
    }

    @Override
    public String spelling() {
        return spelling;
    }
}
