package cn.jintan.quality.samples;

import cn.jintan.quality.domain.AwardApplication;
import cn.jintan.quality.domain.CreditLevel;
import cn.jintan.quality.domain.FeeItem;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The district figures of a {@link ProvinceMonth}, recounted from the rows it writes by the
 * dictionary of indicators.md (not by the pipeline's code): stocks once per 统一社会信用代码, flows
 * summed, and as the month is the only one of its year, each {@code _ytd} equal to its month.
 */
public final class ProvinceFigures {

    private ProvinceFigures() {
    }

    /** Indicator key to value (money with 2 decimals), in dictionary order. */
    public static Map<String, BigDecimal> of(ProvinceMonth month) {
        Map<String, BigDecimal> f = new LinkedHashMap<>();
        for (String key : new String[] {"enterprises_reported", "key_enterprises", "cqo_enterprises", "std_international",
                "std_national", "std_industry", "std_local", "std_group", "pilot_national", "pilot_provincial",
                "award_governor", "award_mayor", "award_district", "credit_aa_plus", "jiangsu_boutique", "standard_leader"}) {
            f.put(key, BigDecimal.ZERO);
        }
        Map<String, BigDecimal> flows = new LinkedHashMap<>();
        for (String key : new String[] {"financing_registrations", "financing_amount", "financing_registrations_mortgage",
                "financing_registrations_equity", "financing_registrations_ip", "financing_registrations_other"}) {
            flows.put(key, BigDecimal.ZERO);
        }
        for (String key : new String[] {"fee_relief_utilities", "fee_refund", "fee_relief_other", "fee_beneficiaries"}) {
            flows.put(key, BigDecimal.ZERO);
        }
        flows.replaceAll((k, v) -> k.equals("financing_amount") || k.startsWith("fee_") && !k.equals("fee_beneficiaries")
                ? v.setScale(2) : v);
        Set<String> counted = new HashSet<>();
        for (int u = 0; u < month.units(); u++) {
            SampleSubmission s = month.submission(u);
            for (QualityRow row : s.quality()) {
                if (counted.add(row.uscc())) {
                    stock(f, row);
                }
            }
            for (FinancingRow row : s.financing()) {
                add(flows, "financing_registrations", row.registrations());
                flows.merge("financing_amount", row.amount(), BigDecimal::add);
                add(flows, "financing_registrations_" + switch (row.type()) {
                    case MORTGAGE -> "mortgage";
                    case EQUITY -> "equity";
                    case IP -> "ip";
                    case OTHER -> "other";
                }, row.registrations());
            }
            for (FeeRow row : s.fees()) {
                String key = row.item() == FeeItem.REFUND ? "fee_refund" : row.item() == FeeItem.OTHER ? "fee_relief_other"
                        : "fee_relief_utilities";
                flows.merge(key, row.amount(), BigDecimal::add);
                add(flows, "fee_beneficiaries", row.beneficiaries());
            }
        }
        flows.forEach((key, value) -> {
            f.put(key, value);
            f.put(key + "_ytd", value);
        });
        return f;
    }

    private static void stock(Map<String, BigDecimal> f, QualityRow row) {
        add(f, "enterprises_reported", 1);
        add(f, "key_enterprises", row.key() ? 1 : 0);
        add(f, "cqo_enterprises", row.cqo() ? 1 : 0);
        add(f, "std_international", row.stdInternational());
        add(f, "std_national", row.stdNational());
        add(f, "std_industry", row.stdIndustry());
        add(f, "std_local", row.stdLocal());
        add(f, "std_group", row.stdGroup());
        add(f, "pilot_national", row.pilotNational());
        add(f, "pilot_provincial", row.pilotProvincial());
        add(f, "award_governor", row.award() == AwardApplication.GOVERNOR ? 1 : 0);
        add(f, "award_mayor", row.award() == AwardApplication.MAYOR ? 1 : 0);
        add(f, "award_district", row.award() == AwardApplication.DISTRICT ? 1 : 0);
        add(f, "credit_aa_plus", row.credit() == CreditLevel.AA || row.credit() == CreditLevel.AAA ? 1 : 0);
        add(f, "jiangsu_boutique", row.boutique() ? 1 : 0);
        add(f, "standard_leader", row.leader() ? 1 : 0);
    }

    private static void add(Map<String, BigDecimal> f, String key, long n) {
        f.merge(key, BigDecimal.valueOf(n), BigDecimal::add);
    }
}
