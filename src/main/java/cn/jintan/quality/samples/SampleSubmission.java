package cn.jintan.quality.samples;

import cn.jintan.quality.domain.Period;
import cn.jintan.quality.domain.Unit;

import java.util.List;

/** A sample: everything one unit reports for one month, and how its staff lay it out. */
record SampleSubmission(Unit unit, Period period, UnitStyle style, List<QualityRow> quality,
                  List<FinancingRow> financing, List<FeeRow> fees) {

    SampleSubmission {
        quality = List.copyOf(quality);
        financing = List.copyOf(financing);
        fees = List.copyOf(fees);
    }

    /** {@code 直溪镇-2020-11.xlsx}: the unit's Chinese name, the month, the format's extension. */
    String fileName() {
        return unit.name() + "-" + period + style.format().extension();
    }
}
