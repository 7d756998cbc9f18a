package cn.jintan.quality.domain;

/**
 * The indicator dictionary of {@code indicators.md}: one entry per figure, with the {@link Measure}
 * that adds up the rows of its sheet to it. A new indicator is one entry here, one label in
 * the message catalogue ({@code indicator.KEY} and {@code indicator.KEY.unit}) and its test.
 */
public enum Indicator {
    ENTERPRISES_REPORTED("enterprises_reported", Source.QUALITY, Measure.count()),
    KEY_ENTERPRISES("key_enterprises", Source.QUALITY, Measure.count().whenTrue("key_enterprise")),
    CQO_ENTERPRISES("cqo_enterprises", Source.QUALITY, Measure.count().whenTrue("cqo")),
    STD_INTERNATIONAL("std_international", Source.QUALITY, Measure.sum("std_international")),
    STD_NATIONAL("std_national", Source.QUALITY, Measure.sum("std_national")),
    STD_INDUSTRY("std_industry", Source.QUALITY, Measure.sum("std_industry")),
    STD_LOCAL("std_local", Source.QUALITY, Measure.sum("std_local")),
    STD_GROUP("std_group", Source.QUALITY, Measure.sum("std_group")),
    PILOT_NATIONAL("pilot_national", Source.QUALITY, Measure.sum("pilot_national")),
    PILOT_PROVINCIAL("pilot_provincial", Source.QUALITY, Measure.sum("pilot_provincial")),
    AWARD_GOVERNOR("award_governor", Source.QUALITY, Measure.count().whenIn("award", "GOVERNOR")),
    AWARD_MAYOR("award_mayor", Source.QUALITY, Measure.count().whenIn("award", "MAYOR")),
    AWARD_DISTRICT("award_district", Source.QUALITY, Measure.count().whenIn("award", "DISTRICT")),
    CREDIT_AA_PLUS("credit_aa_plus", Source.QUALITY, Measure.count().whenIn("credit_level", "AA", "AAA")),
    JIANGSU_BOUTIQUE("jiangsu_boutique", Source.QUALITY, Measure.count().whenTrue("jiangsu_boutique")),
    STANDARD_LEADER("standard_leader", Source.QUALITY, Measure.count().whenTrue("standard_leader")),

    FINANCING_REGISTRATIONS("financing_registrations", Source.FINANCING, Measure.sum("registrations")),
    FINANCING_AMOUNT("financing_amount", Source.FINANCING, Measure.sum("amount"), true),
    FINANCING_REGISTRATIONS_MORTGAGE("financing_registrations_mortgage", Source.FINANCING,
            Measure.sum("registrations").whenIn("registration_type", "MORTGAGE")),
    FINANCING_REGISTRATIONS_EQUITY("financing_registrations_equity", Source.FINANCING,
            Measure.sum("registrations").whenIn("registration_type", "EQUITY")),
    FINANCING_REGISTRATIONS_IP("financing_registrations_ip", Source.FINANCING,
            Measure.sum("registrations").whenIn("registration_type", "IP")),
    FINANCING_REGISTRATIONS_OTHER("financing_registrations_other", Source.FINANCING,
            Measure.sum("registrations").whenIn("registration_type", "OTHER")),

    FEE_RELIEF_UTILITIES("fee_relief_utilities", Source.FEES,
            Measure.sum("amount").whenIn("item", "WATER", "ELECTRICITY", "GAS"), true),
    FEE_REFUND("fee_refund", Source.FEES, Measure.sum("amount").whenIn("item", "REFUND"), true),
    FEE_RELIEF_OTHER("fee_relief_other", Source.FEES, Measure.sum("amount").whenIn("item", "OTHER"), true),
    FEE_BENEFICIARIES("fee_beneficiaries", Source.FEES, Measure.sum("beneficiaries"));

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
    private final Measure measure;
    private final boolean money;

    Indicator(String key, Source source, Measure measure) {
        this(key, source, measure, false);
    }

    Indicator(String key, Source source, Measure measure, boolean money) {
        this.key = key;
        this.source = source;
        this.measure = measure;
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

    /** How the rows of {@link #source()} add up to this figure. */
    public Measure measure() {
        return measure;
    }

    /** SQL aggregate over the rows of {@link #source()}; NULL (no rows) means zero. */
    public String aggregate() {
        return measure.sql();
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
