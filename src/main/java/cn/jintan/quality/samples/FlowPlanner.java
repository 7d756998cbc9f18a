package cn.jintan.quality.samples;

import cn.jintan.quality.domain.FeeItem;
import cn.jintan.quality.domain.Period;
import cn.jintan.quality.domain.RegistrationType;
import cn.jintan.quality.domain.Unit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Turns a unit's monthly flow totals ({@link ReferencePlan#flowsOf}) into the rows staff would type:
 * registration items of one to three registrations each on working days of the month, and the five
 * fee-relief items. Every split gives the remainder to the last part, so the rows add up exactly.
 */
final class FlowPlanner {

    private static final BigDecimal TEN = BigDecimal.TEN;

    private FlowPlanner() {
    }

    static List<FinancingRow> financing(Unit unit, Period period, List<QualityRow> listed) {
        ReferencePlan.MonthFlows month = ReferencePlan.flowsOf(unit, period);
        Random random = randomFor(unit, period, 1);
        List<Integer> counts = new ArrayList<>();
        int left = month.registrations();
        while (left > 0) {
            // mostly single registrations, now and then a batch of two or three
            int n = Math.min(left, random.nextInt(5) == 0 ? 2 + random.nextInt(2) : 1);
            counts.add(n);
            left -= n;
        }
        List<BigDecimal> amounts = split(month.amount(), counts, random);
        List<FinancingRow> rows = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            QualityRow borrower = listed.get(random.nextInt(listed.size()));
            RegistrationType type = registrationType(random);
            String remark = type == RegistrationType.IP ? "专利权质押" : counts.get(i) > 1 ? "同批次办理" : "";
            rows.add(new FinancingRow(borrower.name(), borrower.uscc(), type, counts.get(i), amounts.get(i),
                    workingDay(period, random), remark));
        }
        rows.sort(Comparator.comparing(FinancingRow::date));
        return rows;
    }

    static List<FeeRow> fees(Unit unit, Period period) {
        ReferencePlan.MonthFlows month = ReferencePlan.flowsOf(unit, period);
        // electricity is the bulk of utility relief, then water, then gas (the remainder)
        BigDecimal electricity = part(month.utilities(), "0.62");
        BigDecimal water = part(month.utilities(), "0.23");
        BigDecimal gas = month.utilities().subtract(electricity).subtract(water);
        // 其他减免 is free in the reference case: some units report a little, some nothing
        BigDecimal other = unit.code().hashCode() % 3 == 0 ? BigDecimal.ZERO.setScale(2) : part(month.utilities(), "0.05");
        return List.of(
                new FeeRow(FeeItem.WATER, water, households(water, "1.10")),
                new FeeRow(FeeItem.ELECTRICITY, electricity, households(electricity, "0.35")),
                new FeeRow(FeeItem.GAS, gas, households(gas, "0.60")),
                new FeeRow(FeeItem.REFUND, month.refund(), households(month.refund(), "2.50")),
                new FeeRow(FeeItem.OTHER, other, households(other, "0.80")));
    }

    /**
     * Splits {@code total} over the parts in proportion to their registrations, with some jitter; all
     * but the last part are whole 万元 (rounded down), the last gets what is left (so it keeps any cents).
     */
    private static List<BigDecimal> split(BigDecimal total, List<Integer> counts, Random random) {
        List<BigDecimal> weights = counts.stream()
                .map(c -> BigDecimal.valueOf(c * (60L + random.nextInt(81)))).toList();
        BigDecimal sum = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        List<BigDecimal> parts = new ArrayList<>();
        BigDecimal given = BigDecimal.ZERO.setScale(2);
        for (int i = 0; i < counts.size() - 1; i++) {
            BigDecimal part = total.multiply(weights.get(i)).divide(sum, 0, RoundingMode.DOWN);
            // loans come in round figures: tens of 万元 once they pass a thousand
            if (part.compareTo(BigDecimal.valueOf(1000)) > 0) {
                part = part.divide(TEN, 0, RoundingMode.DOWN).multiply(TEN);
            }
            part = part.setScale(2);
            parts.add(part);
            given = given.add(part);
        }
        if (!counts.isEmpty()) {
            parts.add(total.subtract(given));
        }
        return parts;
    }

    private static RegistrationType registrationType(Random random) {
        int r = random.nextInt(20);
        return r < 11 ? RegistrationType.MORTGAGE : r < 17 ? RegistrationType.EQUITY
                : r < 19 ? RegistrationType.IP : RegistrationType.OTHER;
    }

    private static LocalDate workingDay(Period period, Random random) {
        List<LocalDate> workingDays = period.month().atDay(1).datesUntil(period.month().atEndOfMonth().plusDays(1))
                .filter(d -> d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY)
                .toList();
        return workingDays.get(random.nextInt(workingDays.size()));
    }

    private static BigDecimal part(BigDecimal total, String fraction) {
        return total.multiply(new BigDecimal(fraction)).setScale(2, RoundingMode.HALF_UP);
    }

    /** Market entities reached: roughly {@code perWanYuan} per 万元, at least one when there is an amount. */
    private static int households(BigDecimal amount, String perWanYuan) {
        if (amount.signum() == 0) {
            return 0;
        }
        return Math.max(1, amount.multiply(new BigDecimal(perWanYuan)).setScale(0, RoundingMode.HALF_UP).intValueExact());
    }

    private static Random randomFor(Unit unit, Period period, int stream) {
        // String.hashCode is specified, so the seed (and the rows) are the same on every run
        return new Random(31L * (unit.code().hashCode() * 31L + (period.year() * 100L + period.monthValue())) + stream);
    }
}
