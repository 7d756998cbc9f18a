package cn.jintan.quality.aggregate;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A figure against the same figure of an earlier period (环比 or 同比). The percentage is rounded
 * half-up to one decimal; it is absent when the earlier figure is zero (no base to divide by):
 * then the absolute {@link #delta()} is what changed.
 */
public record Change(BigDecimal current, BigDecimal base) {

    public BigDecimal delta() {
        return current.subtract(base);
    }

    /** Nothing changed (持平). */
    public boolean flat() {
        return delta().signum() == 0;
    }

    /** Percentage change, one decimal, or null when the base is zero. */
    public BigDecimal percent() {
        if (base.signum() == 0) {
            return null;
        }
        return delta().multiply(BigDecimal.valueOf(100)).divide(base, 1, RoundingMode.HALF_UP);
    }
}
