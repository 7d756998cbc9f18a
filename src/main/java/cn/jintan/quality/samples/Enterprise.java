package cn.jintan.quality.samples;

import cn.jintan.quality.domain.AwardApplication;
import cn.jintan.quality.domain.CreditLevel;
import cn.jintan.quality.domain.Industry;
import cn.jintan.quality.domain.Period;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One enterprise on a unit's 质量提升 list. The fields hold its state at the end of the reference
 * month 2020-11, and the month each part of it came about (joined the list, appointed a 首席质量官, each
 * standard published, ...); {@link #snapshotAt(Period)} derives what the list said in an earlier
 * month, so the same enterprise keeps its name and code in every period and the stocks only grow.
 * Mutable only while {@link EnterpriseRoster} fills it in.
 */
final class Enterprise {

    /** The countable columns whose items are dated one by one. */
    enum Item { INTERNATIONAL, NATIONAL, INDUSTRY, LOCAL, GROUP, PILOT_NATIONAL, PILOT_PROVINCIAL }

    final String name;
    final String uscc;
    final Industry industry;
    /** Named in the seed article; its figures are fixed, not drawn. */
    final boolean named;

    boolean key;
    boolean cqo;
    int stdInternational;
    int stdNational;
    int stdIndustry;
    int stdLocal;
    int stdGroup;
    int pilotNational;
    int pilotProvincial;
    AwardApplication award = AwardApplication.NONE;
    CreditLevel credit = CreditLevel.NONE;
    boolean boutique;
    boolean leader;
    String remark = "";
    /** First month the enterprise is on the list. */
    Period listedSince = ReferencePlan.FIRST;
    /** First month it had a 首席质量官 (only meaningful when {@link #cqo}). */
    Period cqoSince = ReferencePlan.FIRST;
    /** First month the remark was written. */
    Period remarkSince = ReferencePlan.FIRST;
    /** Month each standard or pilot counted in 2020-11 was published or approved; undated items always count. */
    private final Map<Item, List<Period>> itemSince = new EnumMap<>(Item.class);

    Enterprise(String name, String uscc, Industry industry, boolean named) {
        this.name = name;
        this.uscc = uscc;
        this.industry = industry;
        this.named = named;
    }

    int count(Item item) {
        return switch (item) {
            case INTERNATIONAL -> stdInternational;
            case NATIONAL -> stdNational;
            case INDUSTRY -> stdIndustry;
            case LOCAL -> stdLocal;
            case GROUP -> stdGroup;
            case PILOT_NATIONAL -> pilotNational;
            case PILOT_PROVINCIAL -> pilotProvincial;
        };
    }

    /** Dates the {@link #count(Item)} items of a column, one month each, none after 2020-11. */
    void dateItems(Item item, List<Period> months) {
        if (months.size() != count(item) || months.stream().anyMatch(m -> m.compareTo(ReferencePlan.REFERENCE) > 0)) {
            throw new IllegalArgumentException(name + " " + item + ": " + months);
        }
        itemSince.put(item, List.copyOf(months));
    }

    /** The row as the unit would list it at the end of {@code period}; empty before it was listed. */
    Optional<QualityRow> snapshotAt(Period period) {
        if (period.compareTo(listedSince) < 0) {
            return Optional.empty();
        }
        return Optional.of(new QualityRow(name, uscc, industry, key, cqo && reached(cqoSince, period),
                at(Item.INTERNATIONAL, period), at(Item.NATIONAL, period), at(Item.INDUSTRY, period),
                at(Item.LOCAL, period), at(Item.GROUP, period), at(Item.PILOT_NATIONAL, period),
                at(Item.PILOT_PROVINCIAL, period),
                reached(awardSince(award), period) ? award : AwardApplication.NONE,
                reached(creditSince(credit), period) ? credit : CreditLevel.NONE,
                boutique && reached(BOUTIQUE_SINCE, period), leader && reached(LEADER_SINCE, period),
                reached(remarkSince, period) ? remark : ""));
    }

    // When the year's applications and certifications were made (the article: "今年组织…申报", 首批
    // "江苏精品"): district awards in the autumn 2019 round, the rest in 2020.
    private static final Period BOUTIQUE_SINCE = Period.of(2020, 9);
    private static final Period LEADER_SINCE = Period.of(2020, 7);

    private static Period awardSince(AwardApplication award) {
        return switch (award) {
            case DISTRICT -> Period.of(2019, 9);
            case MAYOR -> Period.of(2020, 5);
            case GOVERNOR -> Period.of(2020, 6);
            default -> ReferencePlan.FIRST;
        };
    }

    private static Period creditSince(CreditLevel credit) {
        return credit == CreditLevel.A ? Period.of(2019, 5) : Period.of(2020, 4);
    }

    private int at(Item item, Period period) {
        List<Period> months = itemSince.get(item);
        return months == null ? count(item) : (int) months.stream().filter(m -> reached(m, period)).count();
    }

    private static boolean reached(Period since, Period period) {
        return period.compareTo(since) >= 0;
    }
}
