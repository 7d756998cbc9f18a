package cn.jintan.quality.report;

import cn.jintan.quality.aggregate.PeriodFigures;
import cn.jintan.quality.aggregate.PeriodFigures.UnitFigures;
import cn.jintan.quality.domain.Period;
import cn.jintan.quality.domain.Unit;
import cn.jintan.quality.domain.UnitKind;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference case of indicators.md for 2020-11: the district figures the seed article publishes
 * (plus free values for the rest), split over the 11 accepted units of the registry so that the
 * units add up to the district; 茅山旅游度假区 is missing and 西城街道 rejected.
 */
final class ReferenceFigures {

    static final String MISSING = "茅山旅游度假区";
    static final String REJECTED = "西城街道";

    private static final String[][] REGISTRY = {
            {"jincheng", "金城镇"}, {"rulin", "儒林镇"}, {"zhixi", "直溪镇"}, {"zhulin", "朱林镇"},
            {"xuebu", "薛埠镇"}, {"zhiqian", "指前镇"}, {"dongcheng", "东城街道"}, {"xicheng", REJECTED},
            {"yaotang", "尧塘街道"}, {"jtedz", "金坛经济开发区"}, {"hlghitech", "华罗庚高新技术产业开发区"},
            {"maoshan", MISSING}, {"changdanghu", "长荡湖旅游度假区"}};

    private ReferenceFigures() {
    }

    static Map<String, BigDecimal> district() {
        Map<String, BigDecimal> d = new LinkedHashMap<>();
        count(d, "enterprises_reported", 312);
        count(d, "key_enterprises", 100);
        count(d, "cqo_enterprises", 75);
        count(d, "std_international", 2);
        count(d, "std_national", 46);
        count(d, "std_industry", 27);
        count(d, "std_local", 24);
        count(d, "std_group", 18);
        count(d, "pilot_national", 3);
        count(d, "pilot_provincial", 15);
        count(d, "award_governor", 1);
        count(d, "award_mayor", 5);
        count(d, "award_district", 12);
        count(d, "credit_aa_plus", 4);
        count(d, "jiangsu_boutique", 1);
        count(d, "standard_leader", 1);
        flow(d, "financing_registrations", "9", "101");
        flow(d, "financing_amount", "52300.00", "667500.00");
        flow(d, "financing_registrations_mortgage", "4", "45");
        flow(d, "financing_registrations_equity", "3", "30");
        flow(d, "financing_registrations_ip", "1", "16");
        flow(d, "financing_registrations_other", "1", "10");
        flow(d, "fee_relief_utilities", "980.00", "10640.00");
        flow(d, "fee_refund", "30.00", "360.00");
        flow(d, "fee_relief_other", "12.50", "150.50");
        flow(d, "fee_beneficiaries", "420", "5230");
        return d;
    }

    static PeriodFigures figures() {
        Map<String, BigDecimal> district = district();
        List<UnitFigures> units = new ArrayList<>();
        int accepted = REGISTRY.length - 2;
        int index = 0;
        for (String[] entry : REGISTRY) {
            Unit unit = new Unit(entry[0], entry[1], UnitKind.TOWN, List.of());
            if (entry[1].equals(MISSING)) {
                units.add(new UnitFigures(unit, "missing", Map.of()));
            } else if (entry[1].equals(REJECTED)) {
                units.add(new UnitFigures(unit, "rejected", Map.of()));
            } else {
                units.add(new UnitFigures(unit, "accepted", share(district, index++, accepted)));
            }
        }
        return new PeriodFigures(Period.of(2020, 11), district, units, List.of());
    }

    // An even split in the smallest unit of each figure, the remainder to the first units.
    private static Map<String, BigDecimal> share(Map<String, BigDecimal> district, int index, int parts) {
        Map<String, BigDecimal> figures = new HashMap<>();
        district.forEach((key, total) -> {
            BigDecimal[] qr = total.movePointRight(total.scale())
                    .divideAndRemainder(BigDecimal.valueOf(parts));
            BigDecimal smallest = qr[0].add(index < qr[1].intValue() ? BigDecimal.ONE : BigDecimal.ZERO);
            figures.put(key, smallest.movePointLeft(total.scale()).setScale(total.scale(), RoundingMode.UNNECESSARY));
        });
        return figures;
    }

    private static void count(Map<String, BigDecimal> d, String key, int value) {
        d.put(key, BigDecimal.valueOf(value));
    }

    private static void flow(Map<String, BigDecimal> d, String key, String month, String ytd) {
        d.put(key, new BigDecimal(month));
        d.put(key + "_ytd", new BigDecimal(ytd));
    }
}
