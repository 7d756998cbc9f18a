package cn.jintan.quality.validation;

import cn.jintan.quality.domain.Period;
import cn.jintan.quality.domain.Unit;

import java.util.Optional;

/** What the cover sheet says: the unit and period (when they could be read) and who filled it in. */
public record Cover(Optional<Unit> unit, Optional<Period> period, String unitText, String periodText,
                    String filledBy, String phone) {

    public static final Cover NONE = new Cover(Optional.empty(), Optional.empty(), "", "", "", "");
}
