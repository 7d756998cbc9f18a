package cn.jintan.quality.samples;

import cn.jintan.quality.domain.AwardApplication;
import cn.jintan.quality.domain.CreditLevel;
import cn.jintan.quality.domain.Industry;
import cn.jintan.quality.domain.Period;

import java.util.Optional;

/**
 * One enterprise on a unit's 质量提升 list. The fields hold its state at the end of the reference
 * month 2020-11; {@link #snapshotAt(Period)} derives what the list said in an earlier month, so the
 * same enterprise keeps its name and code in every period and the stocks only grow over time.
 * Mutable only while {@link EnterpriseRoster} fills it in.
 */
final class Enterprise {

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
    Period listedSince = Period.of(2019, 1);
    /** First month it had a 首席质量官 (only meaningful when {@link #cqo}). */
    Period cqoSince = Period.of(2019, 1);

    Enterprise(String name, String uscc, Industry industry, boolean named) {
        this.name = name;
        this.uscc = uscc;
        this.industry = industry;
        this.named = named;
    }

    /** The row as the unit would list it at the end of {@code period}; empty before it was listed. */
    Optional<QualityRow> snapshotAt(Period period) {
        if (period.compareTo(listedSince) < 0) {
            return Optional.empty();
        }
        boolean before2020 = period.year() < 2020;
        // Applications and certifications of 2020 ("今年组织…申报", 首批"江苏精品") were not there in 2019;
        // standards issued in 2020 take one off each count of two or more.
        AwardApplication awardThen = before2020 && award != AwardApplication.DISTRICT ? AwardApplication.NONE : award;
        CreditLevel creditThen = before2020 && credit != CreditLevel.A ? CreditLevel.NONE : credit;
        return Optional.of(new QualityRow(name, uscc, industry, key, cqo && period.compareTo(cqoSince) >= 0,
                older(stdInternational, before2020), older(stdNational, before2020), older(stdIndustry, before2020),
                older(stdLocal, before2020), older(stdGroup, before2020), pilotNational, pilotProvincial,
                awardThen, creditThen, boutique && !before2020, leader && !before2020, before2020 ? "" : remark));
    }

    private static int older(int count, boolean before2020) {
        return before2020 && count >= 2 ? count - 1 : count;
    }
}
