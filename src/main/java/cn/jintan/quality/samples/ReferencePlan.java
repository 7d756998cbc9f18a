package cn.jintan.quality.samples;

import cn.jintan.quality.domain.Period;
import cn.jintan.quality.domain.Unit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * How the district's published figures (indicators.md, "the reference case") are shared out over
 * the 13 units of the reference registry, and over the months. The two tables below are the single
 * place where the reference numbers live; {@link #checkReferenceTotals()} adds them up at class load
 * so that an edit that breaks the published totals fails at once instead of producing wrong samples.
 *
 * <p>Stocks are the state at the end of 2020-11; earlier months are derived from them by
 * {@link Enterprise#snapshotAt(Period)}. Flows are each unit's totals of January..November 2020 (the
 * year-to-date figures of 2020-11); {@link #flowsOf} spreads them over the months after a seasonal
 * profile (the epidemic months of early 2020, the relief measures that followed) with some jitter per
 * unit and month, and derives a lower, complete 2019 the same way.
 */
final class ReferencePlan {

    private static final BigDecimal TEN = BigDecimal.TEN;

    /** The reference month; the samples run from {@link #FIRST} to it. */
    static final Period REFERENCE = Period.of(2020, 11);
    static final Period FIRST = Period.of(2019, 1);
    /** Every month written for every unit, oldest first: all of 2019 and 2020 up to November. */
    static final List<Period> PERIODS = monthsBetween(FIRST, REFERENCE);

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
     * Flow totals of one unit over January..November 2020.
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

    /**
     * Relative weight of each month (January first) for financing and for fee relief. 2020: almost no
     * registrations in the lockdown of February, a spring wave of relief loans; utility relief from
     * February, highest in spring (the phased cuts in electricity and gas prices), tapering off.
     * 2019: ordinary months, a slow February (Spring Festival) and a busy December.
     */
    private static final Map<Integer, double[]> FINANCING_SEASON = Map.of(
            2019, new double[]{0.9, 0.5, 1.0, 1.0, 1.0, 1.1, 0.9, 0.9, 1.0, 0.9, 1.0, 1.3},
            2020, new double[]{0.8, 0.3, 0.9, 1.2, 1.0, 1.1, 0.9, 0.9, 1.1, 1.0, 1.2});
    private static final Map<Integer, double[]> UTILITIES_SEASON = Map.of(
            2019, new double[]{0.8, 0.7, 0.9, 1.0, 1.0, 1.0, 1.1, 1.1, 1.0, 1.0, 1.0, 1.2},
            2020, new double[]{0.5, 1.0, 1.6, 1.5, 1.4, 1.3, 1.1, 1.0, 0.9, 0.8, 0.8});
    private static final Map<Integer, double[]> REFUND_SEASON = Map.of(
            2019, new double[]{0.8, 0.6, 1.0, 1.0, 1.1, 1.0, 1.0, 1.0, 1.0, 1.0, 1.1, 1.3},
            2020, new double[]{0.6, 0.4, 1.2, 1.4, 1.3, 1.1, 1.0, 0.9, 1.0, 1.0, 1.1});

    /**
     * One month of one unit's flows. The months of 2020 add up exactly to the unit's {@link Flows};
     * 2019 (all twelve months) is lower: less financing, and only the fee relief of ordinary years.
     */
    static MonthFlows flowsOf(Unit unit, Period period) {
        if (period.compareTo(FIRST) < 0 || period.compareTo(REFERENCE) > 0) {
            throw new IllegalArgumentException("no flow plan for " + period);
        }
        return yearOf(unit, period.year()).get(period.monthValue() - 1);
    }

    private static List<MonthFlows> yearOf(Unit unit, int year) {
        Flows reference = require(FLOWS, unit);
        Flows total = year == REFERENCE.year() ? reference : year2019(reference);
        int months = year == REFERENCE.year() ? REFERENCE.monthValue() : 12;
        // String.hashCode is specified: the same jitter on every run
        Random random = new Random(unit.code().hashCode() * 31L + year);
        double[] financing = jittered(FINANCING_SEASON.get(year), months, random, 0.5, 1.0);
        double[] utilities = jittered(UTILITIES_SEASON.get(year), months, random, 0.85, 0.3);
        double[] refund = jittered(REFUND_SEASON.get(year), months, random, 0.5, 1.0);

        long[] registrations = apportion(total.registrations(), financing);
        // amounts follow the registrations, each loan of its own size; round tens of 万元, the odd
        // remainder (cents included) in the last month with a registration
        double[] perLoan = new double[months];
        int last = -1;
        for (int m = 0; m < months; m++) {
            perLoan[m] = registrations[m] * (0.6 + 0.8 * random.nextDouble());
            if (registrations[m] > 0) {
                last = m;
            }
        }
        long tens = total.amount().divideToIntegralValue(TEN).longValueExact();
        long[] amountTens = apportion(tens, perLoan);
        BigDecimal odd = total.amount().subtract(BigDecimal.valueOf(tens).multiply(TEN));
        long[] utilityCents = apportion(total.utilities().movePointRight(2).longValueExact(), utilities);
        long[] refundTenths = apportion(total.refund().movePointRight(1).longValueExact(), refund);

        List<MonthFlows> flows = new ArrayList<>();
        for (int m = 0; m < months; m++) {
            BigDecimal amount = BigDecimal.valueOf(amountTens[m]).multiply(TEN).setScale(2);
            if (m == last) {
                amount = amount.add(odd);
            }
            flows.add(new MonthFlows((int) registrations[m], amount, BigDecimal.valueOf(utilityCents[m], 2),
                    BigDecimal.valueOf(refundTenths[m], 1).setScale(2)));
        }
        return flows;
    }

    /**
     * A unit's twelve months of 2019, from its 2020 figures: about 70% of the registrations and 60% of
     * the amount (the 2020 relief loans were extra), and the ordinary electricity-price cuts of 2019
     * came to a little under half the 2020 utility relief. Scaled from eleven months to twelve.
     */
    private static Flows year2019(Flows f) {
        BigDecimal twelveElevenths = new BigDecimal(12).divide(new BigDecimal(11), 6, RoundingMode.HALF_UP);
        int registrations = Math.max(2, (int) Math.round(f.registrations() * 0.7 * 12 / 11));
        BigDecimal amount = f.amount().multiply(new BigDecimal("0.60")).multiply(twelveElevenths)
                .divide(TEN, 0, RoundingMode.HALF_UP).multiply(TEN).setScale(2);
        BigDecimal utilities = f.utilities().multiply(new BigDecimal("0.45")).multiply(twelveElevenths)
                .setScale(2, RoundingMode.HALF_UP);
        BigDecimal refund = f.refund().multiply(new BigDecimal("0.60")).multiply(twelveElevenths)
                .setScale(1, RoundingMode.HALF_UP).setScale(2);
        return new Flows(registrations, amount, utilities, refund);
    }

    /** The season's weights of the first {@code months} months, each times a draw in [low, low + spread). */
    private static double[] jittered(double[] season, int months, Random random, double low, double spread) {
        double[] w = new double[months];
        for (int m = 0; m < months; m++) {
            w[m] = season[m] * (low + spread * random.nextDouble());
        }
        return w;
    }

    /**
     * Shares {@code total} whole steps out in proportion to the weights (largest remainder, ties to the
     * earlier month), so the parts add up exactly.
     */
    static long[] apportion(long total, double[] weights) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        long[] parts = new long[weights.length];
        double[] remainders = new double[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = total * weights[i] / sum;
            parts[i] = (long) Math.floor(exact);
            remainders[i] = exact - parts[i];
            given += parts[i];
        }
        Integer[] order = new Integer[weights.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> remainders[a] != remainders[b] ? Double.compare(remainders[b], remainders[a])
                : Integer.compare(a, b));
        if (given > total) {
            throw new IllegalStateException("rounding gave more than " + total);
        }
        for (int k = 0; given < total; k = (k + 1) % order.length) {
            parts[order[k]]++;
            given++;
        }
        return parts;
    }

    private static List<Period> monthsBetween(Period first, Period last) {
        List<Period> months = new ArrayList<>();
        for (Period p = first; p.compareTo(last) <= 0; p = new Period(p.month().plusMonths(1))) {
            months.add(p);
        }
        return List.copyOf(months);
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
