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
 * counts have scale 0, money scale 2. Units appear in registry order. District figures are sums
 * over the reporting units only (indicators.md, Coverage); they are null when no unit reported.
 */
public record PeriodFigures(Period period, Map<String, BigDecimal> district, List<UnitFigures> units,
                            List<SubmissionRef> submissions) {

    public PeriodFigures {
        district = Collections.unmodifiableMap(new LinkedHashMap<>(district)); // keeps dictionary order
        units = List.copyOf(units);
        submissions = List.copyOf(submissions);
    }

    /**
     * One unit's figures; {@code status} is {@code accepted}, {@code rejected} or {@code missing}.
     * A unit without accepted data has no figures (null), never zeros. {@code missingMonths} are
     * the months January..period of the unit without an accepted submission (its year to date gaps).
     */
    public record UnitFigures(Unit unit, String status, Map<String, BigDecimal> figures, List<Period> missingMonths) {
        public UnitFigures {
            figures = status.equals("accepted") && figures != null
                    ? Collections.unmodifiableMap(new LinkedHashMap<>(figures)) : null;
            missingMonths = List.copyOf(missingMonths);
        }

        /** A unit whose year to date is complete, as far as this record knows (tests, previews). */
        public UnitFigures(Unit unit, String status, Map<String, BigDecimal> figures) {
            this(unit, status, figures, List.of());
        }

        /** Whether the unit has accepted data for the period. */
        public boolean reported() {
            return figures != null;
        }

        /** A figure of the unit, or null when the unit did not report. */
        public BigDecimal get(String key) {
            return figures == null ? null : figures.get(key);
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

    public Coverage coverage() {
        return Coverage.of(this);
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
