package cn.jintan.quality.samples;

import cn.jintan.quality.domain.AwardApplication;
import cn.jintan.quality.domain.CreditLevel;
import cn.jintan.quality.domain.Industry;
import cn.jintan.quality.domain.Period;
import cn.jintan.quality.domain.Unit;
import cn.jintan.quality.domain.Uscc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The enterprises each unit lists on 质量提升, built once for all periods so that an enterprise keeps
 * its name and 统一社会信用代码 everywhere, and no code belongs to two units.
 *
 * <p>The enterprises the seed article names come first, with fixed figures; invented enterprises fill
 * the rest of the unit's {@link ReferencePlan.Stocks}: flags and counts go to invented key enterprises
 * until the unit's totals are reached. Everything is drawn from a {@link Random} with a fixed seed.
 */
final class EnterpriseRoster {

    private static final long SEED = 20201130L;

    private final Map<String, List<Enterprise>> byUnit = new LinkedHashMap<>();
    private final Set<String> codes = new HashSet<>();
    private final Set<String> names = new HashSet<>();
    private final Random random = new Random(SEED);

    EnterpriseRoster(List<Unit> units) {
        for (int i = 0; i < units.size(); i++) {
            Unit unit = units.get(i);
            byUnit.put(unit.code(), build(unit, i));
        }
    }

    /** The unit's enterprises in the order its staff list them (every period, the listed ones). */
    List<Enterprise> of(Unit unit) {
        return byUnit.get(unit.code());
    }

    /** The 质量提升 rows of a unit at the end of a month. */
    List<QualityRow> snapshot(Unit unit, Period period) {
        return of(unit).stream().flatMap(e -> e.snapshotAt(period).stream()).toList();
    }

    private List<Enterprise> build(Unit unit, int index) {
        ReferencePlan.Stocks plan = ReferencePlan.stocksOf(unit);
        List<Enterprise> named = SeedEnterprises.of(unit, this::enterprise);
        List<Enterprise> invented = new ArrayList<>();
        int inventedKey = plan.key() - count(named, e -> e.key);
        int inventedRows = plan.rows() - named.size();
        if (inventedKey < 0 || inventedKey > inventedRows) {
            throw new IllegalStateException(unit.code() + ": named enterprises do not fit the plan");
        }
        for (int i = 0; i < inventedRows; i++) {
            boolean key = i < inventedKey;
            // "三新一特" key enterprises belong to the four chains; most others are traditional industry.
            Industry industry = key || random.nextInt(10) < 3 ? chainIndustry(unit) : Industry.OTHER;
            Enterprise e = new Enterprise(inventName(industry), inventUscc(), industry, false);
            e.key = key;
            invented.add(e);
        }
        List<Enterprise> keyInvented = invented.stream().filter(e -> e.key).toList();

        // Flags: first the invented key enterprises, then the rest, until the unit's count is reached.
        List<Enterprise> keyFirst = new ArrayList<>(invented);
        flag(plan.cqo() - count(named, e -> e.cqo), keyFirst, e -> !e.cqo, e -> e.cqo = true, unit, "cqo");
        spread(plan.national() - sum(named, e -> e.stdNational), keyInvented, e -> e.stdNational++);
        spread(plan.industry() - sum(named, e -> e.stdIndustry), keyInvented, e -> e.stdIndustry++);
        spread(plan.local() - sum(named, e -> e.stdLocal), keyInvented, e -> e.stdLocal++);
        flag(plan.pilotNational() - sum(named, e -> e.pilotNational), keyInvented, e -> e.pilotNational == 0,
                e -> e.pilotNational = 1, unit, "pilot_national");
        flag(plan.pilotProvincial() - sum(named, e -> e.pilotProvincial), shuffled(keyInvented),
                e -> e.pilotProvincial == 0, e -> e.pilotProvincial = 1, unit, "pilot_provincial");
        flag(plan.governor() - count(named, e -> e.award == AwardApplication.GOVERNOR), keyInvented,
                e -> e.award == AwardApplication.NONE, e -> e.award = AwardApplication.GOVERNOR, unit, "governor");
        flag(plan.mayor() - count(named, e -> e.award == AwardApplication.MAYOR), keyInvented,
                e -> e.award == AwardApplication.NONE, e -> e.award = AwardApplication.MAYOR, unit, "mayor");
        flag(plan.creditAaPlus() - count(named, e -> e.credit == CreditLevel.AA || e.credit == CreditLevel.AAA),
                keyInvented, e -> e.credit == CreditLevel.NONE, e -> e.credit = CreditLevel.AA, unit, "credit");

        // Figures the article does not give: a few district-award applications, A-level credit and group standards.
        flag(1, shuffled(keyInvented), e -> e.award == AwardApplication.NONE,
                e -> e.award = AwardApplication.DISTRICT, unit, "district");
        flag(1 + index % 2, shuffled(keyInvented), e -> e.credit == CreditLevel.NONE,
                e -> e.credit = CreditLevel.A, unit, "credit A");
        spread(1 + random.nextInt(3), keyInvented, e -> e.stdGroup++);
        if (plan.rows() >= 20) {
            spread(1, keyInvented, e -> e.stdInternational++);
        }

        markLaterArrivals(invented, index, plan);
        named.forEach(this::dateItems);
        invented.forEach(this::dateItems);

        // Staff keep the article's enterprises on top, the established ones in no particular order, and
        // append newcomers at the bottom as they join.
        List<Enterprise> established = new ArrayList<>(invented.stream()
                .filter(e -> e.listedSince.equals(ReferencePlan.FIRST)).toList());
        Collections.shuffle(established, random);
        List<Enterprise> list = new ArrayList<>(named);
        list.addAll(established);
        invented.stream().filter(e -> !e.listedSince.equals(ReferencePlan.FIRST))
                .sorted(Comparator.comparing((Enterprise e) -> e.listedSince)).forEach(list::add);
        return List.copyOf(list);
    }

    /**
     * Earlier months list fewer enterprises and fewer 首席质量官: about a quarter of the invented
     * enterprises joined the list at some month after January 2019 (in every other unit the very last
     * one in November 2020), and a little over half of the invented CQOs were appointed during the two
     * years, in the larger units the last one in November 2020. So every month is a little above the
     * one before, and 2019-01 well below 2020-11.
     */
    private void markLaterArrivals(List<Enterprise> invented, int index, ReferencePlan.Stocks plan) {
        int n = invented.size();
        // the first invented enterprise is always an established one, so no unit starts with an empty list
        for (int i = 1; i < n; i++) {
            if (random.nextInt(100) < 26) {
                invented.get(i).listedSince = laterMonth();
            }
        }
        if (index % 2 == 0 && n > 1) {
            invented.get(n - 1).listedSince = ReferencePlan.REFERENCE;
        }
        for (Enterprise e : invented) {
            if (e.cqo) {
                e.cqoSince = latest(random.nextInt(100) < 45 ? ReferencePlan.FIRST : laterMonth(), e.listedSince);
            }
        }
        if (plan.cqo() >= 10) {
            invented.stream().filter(e -> e.cqo && e.key).reduce((a, b) -> b)
                    .ifPresent(e -> e.cqoSince = ReferencePlan.REFERENCE);
        }
    }

    /**
     * Dates each standard and pilot project: half of them published before 2019 (they count from the
     * first month), the others in a month of 2019 or 2020; none before the enterprise joined the list.
     */
    private void dateItems(Enterprise e) {
        for (Enterprise.Item item : Enterprise.Item.values()) {
            List<Period> months = new ArrayList<>();
            for (int i = 0; i < e.count(item); i++) {
                months.add(latest(random.nextBoolean() ? ReferencePlan.FIRST : laterMonth(), e.listedSince));
            }
            e.dateItems(item, months);
        }
    }

    /** A month after January 2019, up to the reference month, each equally likely. */
    private Period laterMonth() {
        return ReferencePlan.PERIODS.get(1 + random.nextInt(ReferencePlan.PERIODS.size() - 1));
    }

    private static Period latest(Period a, Period b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** A named enterprise of the seed article, its name and code reserved. */
    private Enterprise enterprise(String name, String usccPrefix, Industry industry) {
        names.add(name);
        return new Enterprise(name, inventUscc(usccPrefix), industry, true);
    }

    // ---- invented names and codes ---------------------------------------------------------------

    private static final String[] BRANDS = {
            "华瑞", "鑫达", "恒泰", "丰源", "盛通", "宏远", "博凯", "晟明", "润安", "力嘉", "德隆", "兴科", "创宇", "航宇",
            "天合", "东方", "长江", "茂源", "金盛", "永达", "佳利", "正阳", "海纳", "中旭", "新宇", "联丰", "宝利", "汇通",
            "瑞格", "奥力", "天晟", "协和", "宏宇", "万达", "光耀", "明辉", "凯瑞", "振华", "荣盛", "同创", "嘉禾", "伟业",
            "星河", "泰德", "安诺", "信诚", "众鑫", "恒远", "亿达", "华鼎", "金鹏", "常顺", "茅峰", "长荡", "尧达", "儒商",
            "华辰", "聚源", "远航", "晨光", "宏达", "江南", "苏坛", "九州", "益康", "康宁", "博远", "立信", "先锋", "卓越",
            "锦程", "瑞丰", "华宇", "新元", "弘毅", "天工", "捷通", "精艺", "汇丰", "和盛", "华康", "远大", "泽润", "科达"};
    private static final Map<Industry, String[]> TRADES = Map.of(
            Industry.NEW_ENERGY_VEHICLES, new String[]{"汽车零部件", "动力电池", "电机", "新能源汽车部件", "车用材料"},
            Industry.MOBILE_COMMUNICATION, new String[]{"通信技术", "电子科技", "精密电子", "光电通信", "微电子"},
            Industry.BIOTECH_MEDICINE, new String[]{"生物科技", "医药", "药业", "医疗器械", "生物工程"},
            Industry.PHOTOVOLTAIC, new String[]{"光伏科技", "新能源科技", "光电材料", "太阳能", "硅材料"},
            Industry.OTHER, new String[]{"机械制造", "化工", "纺织", "建材", "食品", "塑业", "金属制品", "服饰",
                    "环保设备", "包装材料", "电气", "农业科技"});
    private static final String[] PLACES = {"常州", "江苏", "常州市金坛", "金坛"};

    private String inventName(Industry industry) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            String brand = BRANDS[random.nextInt(BRANDS.length)];
            String[] trades = TRADES.get(industry);
            String trade = trades[random.nextInt(trades.length)];
            String place = PLACES[random.nextInt(PLACES.length)];
            String form = random.nextInt(8) == 0 ? "股份有限公司" : "有限公司";
            String name = place + brand + trade + form;
            if (names.add(name)) {
                return name;
            }
        }
        throw new IllegalStateException("ran out of invented enterprise names");
    }

    /** Older enterprises carry the 金坛市 division code 320482, newer ones 金坛区 320413 and an "MA" body. */
    private String inventUscc() {
        return inventUscc(random.nextInt(3) == 0 ? "91320413" : "91320482");
    }

    private String inventUscc(String prefix) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            StringBuilder body = new StringBuilder(prefix);
            if (prefix.endsWith("13")) {
                body.append("MA1");
                while (body.length() < 17) {
                    body.append(Uscc.ALPHABET.charAt(random.nextInt(Uscc.ALPHABET.length())));
                }
            } else {
                // an old 9-character organisation code: 8 digits and a digit or X
                while (body.length() < 16) {
                    body.append((char) ('0' + random.nextInt(10)));
                }
                body.append(random.nextInt(11) == 10 ? 'X' : (char) ('0' + random.nextInt(10)));
            }
            String code = Uscc.complete(body.toString());
            if (codes.add(code)) {
                return code;
            }
        }
        throw new IllegalStateException("ran out of invented codes");
    }

    private Industry chainIndustry(Unit unit) {
        // Zones lean to photovoltaics, communications and medicine; towns to vehicle parts and photovoltaics.
        Industry[] weights = switch (unit.kind()) {
            case ZONE -> new Industry[]{Industry.PHOTOVOLTAIC, Industry.PHOTOVOLTAIC, Industry.MOBILE_COMMUNICATION,
                    Industry.BIOTECH_MEDICINE, Industry.BIOTECH_MEDICINE, Industry.NEW_ENERGY_VEHICLES};
            default -> new Industry[]{Industry.NEW_ENERGY_VEHICLES, Industry.NEW_ENERGY_VEHICLES,
                    Industry.PHOTOVOLTAIC, Industry.MOBILE_COMMUNICATION, Industry.BIOTECH_MEDICINE};
        };
        return weights[random.nextInt(weights.length)];
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** Applies {@code set} to the first {@code n} candidates that are still {@code free}. */
    private static void flag(int n, List<Enterprise> candidates, Predicate<Enterprise> free, Consumer<Enterprise> set,
                             Unit unit, String what) {
        if (n < 0) {
            throw new IllegalStateException(unit.code() + ": named enterprises exceed the plan for " + what);
        }
        int done = 0;
        for (Enterprise e : candidates) {
            if (done == n) {
                return;
            }
            if (free.test(e)) {
                set.accept(e);
                done++;
            }
        }
        if (done < n) {
            throw new IllegalStateException(unit.code() + ": not enough enterprises for " + what);
        }
    }

    /** Adds {@code n} single units to randomly chosen candidates (a few enterprises hold several standards). */
    private void spread(int n, List<Enterprise> candidates, Consumer<Enterprise> addOne) {
        if (n < 0) {
            throw new IllegalStateException("named enterprises exceed the plan");
        }
        for (int i = 0; i < n; i++) {
            addOne.accept(candidates.get(random.nextInt(candidates.size())));
        }
    }

    private List<Enterprise> shuffled(List<Enterprise> list) {
        List<Enterprise> copy = new ArrayList<>(list);
        Collections.shuffle(copy, random);
        return copy;
    }

    private static int count(List<Enterprise> list, Predicate<Enterprise> p) {
        return (int) list.stream().filter(p).count();
    }

    private static int sum(List<Enterprise> list, java.util.function.ToIntFunction<Enterprise> f) {
        return list.stream().mapToInt(f).sum();
    }
}
