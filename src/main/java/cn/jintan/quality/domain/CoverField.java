package cn.jintan.quality.domain;

/** The label/value pairs of the cover sheet 封面. */
public enum CoverField {
    UNIT("填报单位", true),
    PERIOD("统计期", true),
    FILLED_BY("填报人", true),
    PHONE("联系电话", true),
    FILLED_ON("填报日期", false),
    APPROVED_BY("审核人", false);

    private final String label;
    private final boolean required;

    CoverField(String label, boolean required) {
        this.label = label;
        this.required = required;
    }

    public String label() {
        return label;
    }

    public boolean required() {
        return required;
    }
}
