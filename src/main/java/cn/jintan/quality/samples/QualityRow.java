package cn.jintan.quality.samples;

import cn.jintan.quality.domain.AwardApplication;
import cn.jintan.quality.domain.CreditLevel;
import cn.jintan.quality.domain.Industry;

import java.util.LinkedHashMap;
import java.util.Map;

/** One data row of sheet 质量提升. */
record QualityRow(String name, String uscc, Industry industry, boolean key, boolean cqo,
                  int stdInternational, int stdNational, int stdIndustry, int stdLocal, int stdGroup,
                  int pilotNational, int pilotProvincial, AwardApplication award, CreditLevel credit,
                  boolean boutique, boolean leader, String remark) {

    /** Values keyed by {@link cn.jintan.quality.domain.Column#field()} of {@code SubmissionSheet.QUALITY}. */
    Map<String, Object> cells() {
        Map<String, Object> cells = new LinkedHashMap<>();
        cells.put("enterprise_name", name);
        cells.put("uscc", uscc);
        cells.put("industry", industry);
        cells.put("key_enterprise", key);
        cells.put("cqo", cqo);
        cells.put("std_international", stdInternational);
        cells.put("std_national", stdNational);
        cells.put("std_industry", stdIndustry);
        cells.put("std_local", stdLocal);
        cells.put("std_group", stdGroup);
        cells.put("pilot_national", pilotNational);
        cells.put("pilot_provincial", pilotProvincial);
        cells.put("award", award);
        cells.put("credit_level", credit);
        cells.put("jiangsu_boutique", boutique);
        cells.put("standard_leader", leader);
        cells.put("remark", remark);
        return cells;
    }
}
