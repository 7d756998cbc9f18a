package cn.jintan.quality.samples;

import cn.jintan.quality.domain.AwardApplication;
import cn.jintan.quality.domain.CreditLevel;
import cn.jintan.quality.domain.Industry;
import cn.jintan.quality.domain.Period;
import cn.jintan.quality.domain.Unit;

import java.util.ArrayList;
import java.util.List;

/** The enterprises the seed article names, with their fixed figures: listed first by their unit. */
final class SeedEnterprises {

    /** Makes an enterprise with a unique 统一社会信用代码 starting with the prefix. */
    interface Registry {
        Enterprise enterprise(String name, String usccPrefix, Industry industry);
    }

    private SeedEnterprises() {
    }

    static List<Enterprise> of(Unit unit, Registry registry) {
        List<Enterprise> list = new ArrayList<>();
        switch (unit.code()) {
            case "zhixi" -> {
                // Moved from Shenzhen to 直溪现代工业园区; 江苏标准"领跑者".
                Enterprise e = named("常州斯威克光伏新材料有限公司", "91320413", Industry.PHOTOVOLTAIC, list, registry);
                keyCqo(e);
                standards(e, 1, 2, 1, 0, 0);
                pilots(e, 0, 1);
                quality(e, AwardApplication.MAYOR, CreditLevel.A);
                e.leader = true;
                remark(e, "江苏标准“领跑者”；抗PID EVA胶膜", Period.of(2020, 7));
            }
            case "jtedz" -> {
                // Salt, not one of the "三新一特" chains: not a key enterprise.
                Enterprise salt = named("中盐金坛盐化有限责任公司", "91320482", Industry.OTHER, list, registry);
                salt.cqo = true;
                standards(salt, 0, 3, 2, 1, 0);
                pilots(salt, 1, 1);
                quality(salt, AwardApplication.GOVERNOR, CreditLevel.AAA);
                salt.boutique = true;
                remark(salt, "首批“江苏精品”认证", Period.of(2020, 9));
                Enterprise zx = named("正信光电科技股份有限公司", "91320400", Industry.PHOTOVOLTAIC, list, registry);
                keyCqo(zx);
                standards(zx, 0, 2, 1, 0, 1);
                quality(zx, AwardApplication.MAYOR, CreditLevel.AA);
                remark(zx, "区长质量奖获奖企业", Period.of(2020, 1));
            }
            case "hlghitech" -> {
                Enterprise hc = named("常州华诚电子科技有限公司", "91320413", Industry.MOBILE_COMMUNICATION, list, registry);
                keyCqo(hc);
                standards(hc, 0, 1, 1, 0, 0);
                hc.award = AwardApplication.MAYOR;
                Enterprise jwz = named("江苏金旺智能科技有限公司", "91320413", Industry.NEW_ENERGY_VEHICLES, list, registry);
                keyCqo(jwz);
                jwz.stdNational = 1;
                jwz.credit = CreditLevel.AA;
                Enterprise jw = named("江苏金旺科技有限公司", "91320482", Industry.NEW_ENERGY_VEHICLES, list, registry);
                keyCqo(jw);
                jw.stdIndustry = 1;
                Enterprise salt = named("中盐常州化工股份有限公司", "91320400", Industry.OTHER, list, registry);
                salt.cqo = true;
                salt.stdNational = 1;
                salt.pilotNational = 1;
            }
            default -> {
            }
        }
        return list;
    }

    private static Enterprise named(String name, String prefix, Industry industry, List<Enterprise> into, Registry registry) {
        Enterprise e = registry.enterprise(name, prefix, industry);
        into.add(e);
        return e;
    }

    /** Standards the enterprise led: international, national, industry, local, group. */
    private static void standards(Enterprise e, int international, int national, int industry, int local, int group) {
        e.stdInternational = international;
        e.stdNational = national;
        e.stdIndustry = industry;
        e.stdLocal = local;
        e.stdGroup = group;
    }

    private static void pilots(Enterprise e, int national, int provincial) {
        e.pilotNational = national;
        e.pilotProvincial = provincial;
    }

    private static void quality(Enterprise e, AwardApplication award, CreditLevel credit) {
        e.award = award;
        e.credit = credit;
    }

    private static void remark(Enterprise e, String text, Period since) {
        e.remark = text;
        e.remarkSince = since;
    }

    private static void keyCqo(Enterprise e) {
        e.key = true;
        e.cqo = true;
    }
}
