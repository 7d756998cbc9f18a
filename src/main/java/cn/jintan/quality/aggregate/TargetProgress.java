package cn.jintan.quality.aggregate;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Progress towards an annual target: 目标完成率 (actual / target) against 序时进度 (month / 12),
 * both as percentages rounded half-up to one decimal. The gap is taken between the two rounded
 * percentages, so the printed numbers always add up (85.0% is 6.7 points below 91.7%).
 */
public record TargetProgress(String key, BigDecimal actual, BigDecimal target, BigDecimal completion,
                             BigDecimal schedule, BigDecimal gap) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    static TargetProgress of(String key, BigDecimal actual, BigDecimal target, int month) {
        BigDecimal completion = actual.multiply(HUNDRED).divide(target, 1, RoundingMode.HALF_UP);
        BigDecimal schedule = BigDecimal.valueOf(month).multiply(HUNDRED).divide(BigDecimal.valueOf(12), 1, RoundingMode.HALF_UP);
        return new TargetProgress(key, actual, target, completion, schedule, completion.subtract(schedule));
    }
}
