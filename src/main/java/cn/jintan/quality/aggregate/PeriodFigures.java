package cn.jintan.quality.aggregate;

import cn.jintan.quality.domain.Indicator;
import cn.jintan.quality.domain.Period;
import cn.jintan.quality.domain.Unit;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every figure of one period: the district and each registry unit. Figure maps are keyed by
 * indicator key ({@link Indicator#key()}) and, for flows, also by {@link Indicator#ytdKey()};
 * counts have scale 0, money scale 2. Units appear in registry order.
 */
public record PeriodFigures(Period period, Map<String, BigDecimal> district, List<UnitFigures> units,
                            List<SubmissionRef> submissions) {

    public PeriodFigures {
        district = Collections.unmodifiableMap(new LinkedHashMap<>(district)); // keeps dictionary order
        units = List.copyOf(units);
        submissions = List.copyOf(submissions);
    }

    /** One unit's figures; {@code status} is {@code accepted}, {@code rejected} or {@code missing}. */
    public record UnitFigures(Unit unit, String status, Map<String, BigDecimal> figures) {
        public UnitFigures {
            figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
        }
    }

    /** A file received for this period, newest version first per unit. */
    public record SubmissionRef(Unit unit, String file, String sha256, int version, String status) {
    }

    public BigDecimal district(Indicator indicator) {
        return district.get(indicator.key());
    }

    public BigDecimal districtYtd(Indicator indicator) {
        return district.get(indicator.ytdKey());
    }

    public List<Unit> missingUnits() {
        return units.stream().filter(u -> u.status().equals("missing")).map(UnitFigures::unit).toList();
    }

    public List<Unit> rejectedUnits() {
        return units.stream().filter(u -> u.status().equals("rejected")).map(UnitFigures::unit).toList();
    }

    public List<Unit> acceptedUnits() {
        return units.stream().filter(u -> u.status().equals("accepted")).map(UnitFigures::unit).toList();
    }
}
