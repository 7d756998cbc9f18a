package cn.jintan.quality.samples;

import cn.jintan.quality.domain.AwardApplication;
import cn.jintan.quality.domain.CreditLevel;
import cn.jintan.quality.domain.Industry;

import java.util.Map;

/** One data row of sheet 质量提升. */
record QualityRow(String name, String uscc, Industry industry, boolean key, boolean cqo,
                  int stdInternational, int stdNational, int stdIndustry, int stdLocal, int stdGroup,
                  int pilotNational, int pilotProvincial, AwardApplication award, CreditLevel credit,
                  boolean boutique, boolean leader, String remark) {

    /** Values keyed by {@link cn.jintan.quality.domain.Column#field()} of {@code SubmissionSheet.QUALITY}. */
    Map<String, Object> cells() {
        return RowCells.of("enterprise_name", name, "uscc", uscc, "industry", industry, "key_enterprise", key,
                "cqo", cqo, "std_international", stdInternational, "std_national", stdNational,
                "std_industry", stdIndustry, "std_local", stdLocal, "std_group", stdGroup,
                "pilot_national", pilotNational, "pilot_provincial", pilotProvincial, "award", award,
                "credit_level", credit, "jiangsu_boutique", boutique, "standard_leader", leader, "remark", remark);
    }
}
