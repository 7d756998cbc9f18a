package cn.jintan.quality.domain;

/**
 * The indicator dictionary of {@code indicators.md}: one entry per figure, with the SQL aggregate
 * that computes it over the rows of its sheet. A new indicator is one entry here, one label in
 * the message catalogue ({@code indicator.KEY} and {@code indicator.KEY.unit}) and its test.
 */
public enum Indicator {
    ENTERPRISES_REPORTED("enterprises_reported", Source.QUALITY, "COUNT(*)"),
    KEY_ENTERPRISES("key_enterprises", Source.QUALITY, "COUNT(CASE WHEN key_enterprise THEN 1 END)"),
    CQO_ENTERPRISES("cqo_enterprises", Source.QUALITY, "COUNT(CASE WHEN cqo THEN 1 END)"),
    STD_INTERNATIONAL("std_international", Source.QUALITY, "SUM(std_international)"),
    STD_NATIONAL("std_national", Source.QUALITY, "SUM(std_national)"),
    STD_INDUSTRY("std_industry", Source.QUALITY, "SUM(std_industry)"),
    STD_LOCAL("std_local", Source.QUALITY, "SUM(std_local)"),
    STD_GROUP("std_group", Source.QUALITY, "SUM(std_group)"),
    PILOT_NATIONAL("pilot_national", Source.QUALITY, "SUM(pilot_national)"),
    PILOT_PROVINCIAL("pilot_provincial", Source.QUALITY, "SUM(pilot_provincial)"),
    AWARD_GOVERNOR("award_governor", Source.QUALITY, "COUNT(CASE WHEN award = 'GOVERNOR' THEN 1 END)"),
    AWARD_MAYOR("award_mayor", Source.QUALITY, "COUNT(CASE WHEN award = 'MAYOR' THEN 1 END)"),
    AWARD_DISTRICT("award_district", Source.QUALITY, "COUNT(CASE WHEN award = 'DISTRICT' THEN 1 END)"),
    CREDIT_AA_PLUS("credit_aa_plus", Source.QUALITY, "COUNT(CASE WHEN credit_level IN ('AA', 'AAA') THEN 1 END)"),
    JIANGSU_BOUTIQUE("jiangsu_boutique", Source.QUALITY, "COUNT(CASE WHEN jiangsu_boutique THEN 1 END)"),
    STANDARD_LEADER("standard_leader", Source.QUALITY, "COUNT(CASE WHEN standard_leader THEN 1 END)"),

    FINANCING_REGISTRATIONS("financing_registrations", Source.FINANCING, "SUM(registrations)"),
    FINANCING_AMOUNT("financing_amount", Source.FINANCING, "SUM(amount)", true),
    FINANCING_REGISTRATIONS_MORTGAGE("financing_registrations_mortgage", Source.FINANCING,
            "SUM(CASE WHEN registration_type = 'MORTGAGE' THEN registrations END)"),
    FINANCING_REGISTRATIONS_EQUITY("financing_registrations_equity", Source.FINANCING,
            "SUM(CASE WHEN registration_type = 'EQUITY' THEN registrations END)"),
    FINANCING_REGISTRATIONS_IP("financing_registrations_ip", Source.FINANCING,
            "SUM(CASE WHEN registration_type = 'IP' THEN registrations END)"),
    FINANCING_REGISTRATIONS_OTHER("financing_registrations_other", Source.FINANCING,
            "SUM(CASE WHEN registration_type = 'OTHER' THEN registrations END)"),

    FEE_RELIEF_UTILITIES("fee_relief_utilities", Source.FEES,
            "SUM(CASE WHEN item IN ('WATER', 'ELECTRICITY', 'GAS') THEN amount END)", true),
    FEE_REFUND("fee_refund", Source.FEES, "SUM(CASE WHEN item = 'REFUND' THEN amount END)", true),
    FEE_RELIEF_OTHER("fee_relief_other", Source.FEES, "SUM(CASE WHEN item = 'OTHER' THEN amount END)", true),
    FEE_BENEFICIARIES("fee_beneficiaries", Source.FEES, "SUM(beneficiaries)");

    /** Where an indicator's rows live; stocks are snapshots, flows add up over months. */
    public enum Source {
        QUALITY("quality_row", Kind.STOCK),
        FINANCING("financing_row", Kind.FLOW),
        FEES("fee_row", Kind.FLOW);

        private final String table;
        private final Kind kind;

        Source(String table, Kind kind) {
            this.table = table;
            this.kind = kind;
        }

        public String table() {
            return table;
        }

        public Kind kind() {
            return kind;
        }
    }

    public enum Kind { STOCK, FLOW }

    private final String key;
    private final Source source;
    private final String aggregate;
    private final boolean money;

    Indicator(String key, Source source, String aggregate) {
        this(key, source, aggregate, false);
    }

    Indicator(String key, Source source, String aggregate, boolean money) {
        this.key = key;
        this.source = source;
        this.aggregate = aggregate;
        this.money = money;
    }

    public String key() {
        return key;
    }

    public Source source() {
        return source;
    }

    public Kind kind() {
        return source.kind();
    }

    /** SQL aggregate over the rows of {@link #source()}; NULL (no rows) means zero. */
    public String aggregate() {
        return aggregate;
    }

    /** Amounts in 万元 with 2 decimals; otherwise a whole count. */
    public boolean money() {
        return money;
    }

    /** The key of the year-to-date figure of a flow. */
    public String ytdKey() {
        return key + "_ytd";
    }
}
