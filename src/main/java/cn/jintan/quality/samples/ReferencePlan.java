package cn.jintan.quality.samples;

import cn.jintan.quality.domain.Period;
import cn.jintan.quality.domain.Unit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How the district's published figures (indicators.md, "the reference case") are shared out over
 * the 13 units of the reference registry. The two tables below are the single place where the
 * reference numbers live; {@link #checkReferenceTotals()} adds them up at class load so that an
 * edit that breaks the published totals fails at once instead of producing wrong samples.
 *
 * <p>Stocks are the state at the end of 2020-11; earlier months are derived from them by
 * {@link Enterprise#snapshotAt(Period)}. Flows are the totals of October + November 2020 (the only
 * 2020 months in the samples, so they are the year-to-date figures of 2020-11); {@link #flowsOf}
 * splits them into the two months and derives a plausible 2019-11.
 */
final class ReferencePlan {

    /** The reference month and the months written for every unit, newest first. */
    static final Period REFERENCE = Period.of(2020, 11);
    static final List<Period> PERIODS = List.of(REFERENCE, Period.of(2020, 10), Period.of(2019, 11));

    /**
     * Stock counts of one unit at the end of 2020-11.
     *
     * @param rows     enterprises on the unit's 质量提升 list
     * @param key      重点企业 = 是
     * @param cqo      首席质量官 = 是
     * @param national 国家标准 (sum); likewise industry, local
     * @param pilotNational 国家级标准化试点 (sum); likewise pilotProvincial
     * @param governor 质量奖申报 = 省长质量奖; likewise mayor
     * @param creditAaPlus 质量信用等级申报 AA or AAA
     */
    record Stocks(int rows, int key, int cqo, int national, int industry, int local,
                  int pilotNational, int pilotProvincial, int governor, int mayor, int creditAaPlus) {
    }

    /**
     * Flow totals of one unit over October + November 2020.
     *
     * @param registrations 登记件数 (sum)
     * @param amount        融资金额（万元） (sum)
     * @param utilities     减免水费 + 减免电费 + 减免燃气费
     * @param refund        清退涉企收费
     */
    record Flows(int registrations, BigDecimal amount, BigDecimal utilities, BigDecimal refund) {
    }

    /** One month's flow figures of one unit. */
    record MonthFlows(int registrations, BigDecimal amount, BigDecimal utilities, BigDecimal refund) {
    }

    // The zones carry most of the "三新一特" enterprises and the financing; towns have a handful each.
    private static final Map<String, Stocks> STOCKS = Map.ofEntries(
            //                                 rows key cqo nat ind loc pN pP gov may aa+
            Map.entry("jincheng", new Stocks(9, 7, 5, 2, 2, 2, 0, 1, 0, 0, 0)),
            Map.entry("rulin", new Stocks(8, 6, 4, 1, 1, 2, 0, 1, 0, 0, 0)),
            Map.entry("zhixi", new Stocks(12, 9, 7, 5, 3, 2, 0, 2, 0, 1, 0)),
            Map.entry("zhulin", new Stocks(8, 6, 4, 1, 1, 1, 0, 1, 0, 0, 0)),
            Map.entry("xuebu", new Stocks(7, 5, 3, 1, 1, 2, 0, 0, 0, 0, 0)),
            Map.entry("zhiqian", new Stocks(7, 5, 3, 1, 1, 1, 0, 1, 0, 0, 0)),
            Map.entry("dongcheng", new Stocks(9, 7, 5, 2, 2, 2, 0, 1, 0, 0, 1)),
            Map.entry("xicheng", new Stocks(8, 6, 4, 2, 1, 2, 0, 1, 0, 0, 0)),
            Map.entry("yaotang", new Stocks(8, 6, 4, 2, 1, 1, 0, 1, 0, 0, 0)),
            Map.entry("jtedz", new Stocks(22, 17, 16, 14, 6, 4, 2, 3, 1, 2, 2)),
            Map.entry("hlghitech", new Stocks(20, 15, 13, 12, 5, 3, 1, 2, 0, 1, 1)),
            Map.entry("maoshan", new Stocks(6, 5, 3, 1, 1, 2, 0, 1, 0, 1, 0)),
            Map.entry("changdanghu", new Stocks(6, 6, 4, 2, 2, 0, 0, 0, 0, 0, 0)));

    private static final Map<String, Flows> FLOWS = Map.ofEntries(
            //                               regs  amount 万元   utilities 万元  refund 万元
            Map.entry("jincheng", flows(7, "28400.00", "718.36", "24.00")),
            Map.entry("rulin", flows(5, "18750.00", "561.64", "18.00")),
            Map.entry("zhixi", flows(9, "90600.00", "1380.00", "40.00")),
            Map.entry("zhulin", flows(4, "13550.50", "480.25", "16.00")),
            Map.entry("xuebu", flows(3, "9200.00", "409.75", "12.00")),
            Map.entry("zhiqian", flows(3, "8050.00", "390.00", "12.00")),
            Map.entry("dongcheng", flows(7, "38100.00", "860.00", "29.50")),
            Map.entry("xicheng", flows(6, "27350.00", "760.00", "26.50")),
            Map.entry("yaotang", flows(4, "17800.00", "520.00", "18.00")),
            Map.entry("jtedz", flows(22, "228000.00", "2200.00", "70.00")),
            Map.entry("hlghitech", flows(20, "176000.00", "1800.00", "60.00")),
            Map.entry("maoshan", flows(4, "4650.00", "250.00", "14.00")),
            Map.entry("changdanghu", flows(7, "7049.50", "310.00", "20.00")));

    /** The published district figures the tables must add up to (indicators.md). */
    static final Stocks REFERENCE_STOCKS = new Stocks(130, 100, 75, 46, 27, 24, 3, 15, 1, 5, 4);
    static final Flows REFERENCE_FLOWS = flows(101, "667500.00", "10640.00", "360.00");

    static {
        checkReferenceTotals();
    }

    private ReferencePlan() {
    }

    private static Flows flows(int registrations, String amount, String utilities, String refund) {
        return new Flows(registrations, new BigDecimal(amount), new BigDecimal(utilities), new BigDecimal(refund));
    }

    static Stocks stocksOf(Unit unit) {
        return require(STOCKS, unit);
    }

    /** One month of flows; 2020-10 and 2020-11 add up exactly to the unit's {@link Flows}. */
    static MonthFlows flowsOf(Unit unit, Period period) {
        Flows f = require(FLOWS, unit);
        // October gets a little under half; November takes the remainder so the pair is exact.
        MonthFlows october = new MonthFlows(f.registrations() / 2,
                share(f.amount(), "0.45", 0), share(f.utilities(), "0.48", 2), share(f.refund(), "0.40", 0));
        MonthFlows november = new MonthFlows(f.registrations() - october.registrations(),
                f.amount().subtract(october.amount()), f.utilities().subtract(october.utilities()),
                f.refund().subtract(october.refund()));
        if (period.equals(Period.of(2020, 10))) {
            return october;
        }
        if (period.equals(REFERENCE)) {
            return november;
        }
        if (period.equals(Period.of(2019, 11))) {
            // Before the epidemic relief measures: less financing, little fee relief.
            return new MonthFlows(Math.max(1, november.registrations() * 3 / 5),
                    share(november.amount(), "0.58", 0), share(november.utilities(), "0.12", 2),
                    share(november.refund(), "0.30", 2));
        }
        throw new IllegalArgumentException("no flow plan for " + period);
    }

    /** {@code total × fraction}, rounded to {@code scale} decimals and returned with scale 2. */
    private static BigDecimal share(BigDecimal total, String fraction, int scale) {
        return total.multiply(new BigDecimal(fraction)).setScale(scale, RoundingMode.HALF_UP).setScale(2);
    }

    private static <T> T require(Map<String, T> table, Unit unit) {
        T value = table.get(unit.code());
        if (value == null) {
            throw new IllegalArgumentException("the sample plan covers the 13 units of the reference registry; no plan for "
                    + unit.code() + " (" + unit.name() + ")");
        }
        return value;
    }

    static void checkReferenceTotals() {
        Stocks s = sum(STOCKS.values().stream().toList());
        if (!s.equals(REFERENCE_STOCKS)) {
            throw new IllegalStateException("stock plan adds up to " + s + ", the reference is " + REFERENCE_STOCKS);
        }
        Flows f = FLOWS.values().stream().reduce(flows(0, "0.00", "0.00", "0.00"), (a, b) -> new Flows(
                a.registrations() + b.registrations(), a.amount().add(b.amount()),
                a.utilities().add(b.utilities()), a.refund().add(b.refund())));
        if (!f.equals(REFERENCE_FLOWS)) {
            throw new IllegalStateException("flow plan adds up to " + f + ", the reference is " + REFERENCE_FLOWS);
        }
        STOCKS.forEach((code, st) -> {
            if (st.key() > st.rows() || st.cqo() > st.rows()) {
                throw new IllegalStateException(code + ": more flagged enterprises than rows");
            }
        });
    }

    private static Stocks sum(List<Stocks> all) {
        Function<java.util.function.ToIntFunction<Stocks>, Integer> total = f -> all.stream().mapToInt(f).sum();
        return new Stocks(total.apply(Stocks::rows), total.apply(Stocks::key), total.apply(Stocks::cqo),
                total.apply(Stocks::national), total.apply(Stocks::industry), total.apply(Stocks::local),
                total.apply(Stocks::pilotNational), total.apply(Stocks::pilotProvincial),
                total.apply(Stocks::governor), total.apply(Stocks::mayor), total.apply(Stocks::creditAaPlus));
    }
}
