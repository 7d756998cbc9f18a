package cn.jintan.quality.aggregate;

import cn.jintan.quality.domain.Industry;
import cn.jintan.quality.domain.Unit;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the briefing lists beyond the figures: the industry chains, the honours and the data notes
 * of one period, each read from accepted (or, for the notes, rejected and superseded) submissions.
 */
public record PeriodDetails(List<IndustryRow> industries, List<Honour> honours, List<Rejection> rejections,
                            List<CrossDuplicate> crossDuplicates, List<Correction> corrections, int honoursTotal) {

    /** Details whose honours list is complete. */
    public PeriodDetails(List<IndustryRow> industries, List<Honour> honours, List<Rejection> rejections,
                         List<CrossDuplicate> crossDuplicates, List<Correction> corrections) {
        this(industries, honours, rejections, crossDuplicates, corrections, honours.size());
    }

    public PeriodDetails {
        industries = List.copyOf(industries);
        honours = List.copyOf(honours);
        rejections = List.copyOf(rejections);
        crossDuplicates = List.copyOf(crossDuplicates);
        corrections = List.copyOf(corrections);
    }

    static PeriodDetails empty() {
        return new PeriodDetails(List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** One 所属产业: enterprises, key enterprises, 首席质量官 and standards led (all five levels). */
    public record IndustryRow(Industry industry, BigDecimal enterprises, BigDecimal keyEnterprises, BigDecimal cqo,
                              BigDecimal standards) {
    }

    /** An enterprise with 江苏精品, 标准领跑者 or a quality award application; award is the AwardApplication name. */
    public record Honour(String enterprise, Unit unit, boolean boutique, boolean standardLeader, String award) {
    }

    /** A rejected file of the period with the distinct codes of its errors, in the order found. */
    public record Rejection(Unit unit, String file, int version, List<String> codes) {
        public Rejection {
            codes = List.copyOf(codes);
        }
    }

    /** An enterprise (by USCC) reported by more than one unit in the period; units in registry order. */
    public record CrossDuplicate(String uscc, String enterprise, List<Unit> units) {
        public CrossDuplicate {
            units = List.copyOf(units);
        }
    }

    /** A superseded version: a later accepted file of the same unit replaced it. */
    public record Correction(Unit unit, String file, int version, int supersededByVersion) {
    }
}
