package cn.jintan.quality.samples;

import cn.jintan.quality.domain.AwardApplication;
import cn.jintan.quality.domain.CreditLevel;
import cn.jintan.quality.domain.FeeItem;
import cn.jintan.quality.domain.Industry;
import cn.jintan.quality.domain.Period;
import cn.jintan.quality.domain.RegistrationType;
import cn.jintan.quality.domain.Unit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A simulated province month (issue 14, docs/scale-out.md): every unit of {@link ProvinceUnits} sends
 * one workbook of {@code rows} enterprises for one period, written by the samples' own
 * {@link SubmissionWriter} in the 13 reference units' layouts (so every file is a valid submission,
 * .xls included). Deterministic from the seed.
 *
 * <p>Enterprises: unit {@code u} lists {@code rows - 2·SHARED} of its own and {@link #SHARED} it shares
 * with each neighbour ({@code u-1} and {@code u+1}, in a ring), so the district counts
 * {@code units·(rows - SHARED)} enterprises once each. An enterprise's cells depend on its id only,
 * so both units report it alike; {@link ProvinceFigures} recounts the district once per code.
 */
public final class ProvinceMonth {

    /** Enterprises a unit shares with each of its two neighbours. */
    static final int SHARED = 3;

    private static final String[] TRADES = {"机械", "光伏", "新材料", "电子", "汽车零部件", "生物医药", "通信设备", "纺织",
            "化工", "食品", "建材", "电气", "精密铸造", "塑业", "包装", "五金", "环保科技", "智能装备"};
    private static final String BRAND = "华强盛泰恒瑞丰源达昌鑫隆兴宏天佳博新光明安康福润金银铭嘉晟腾飞翔宇星辰远航峰磊";
    private static final String[] FORMS = {"有限公司", "股份有限公司", "科技有限公司", "制造有限公司"};

    /** The reference units whose staff's layouts the province's units take in turn (two of them .xls). */
    private static final String[] LAYOUTS = {"jincheng", "rulin", "zhixi", "zhulin", "xuebu", "zhiqian", "dongcheng",
            "xicheng", "yaotang", "jtedz", "hlghitech", "maoshan", "changdanghu"};

    private final List<Unit> units;
    private final int rows;
    private final Period period;
    private final long seed;

    public ProvinceMonth(int units, int rows, Period period, long seed) {
        if (units < 3 || rows < 2 * SHARED + 1) {
            throw new IllegalArgumentException("need at least 3 units and " + (2 * SHARED + 1) + " rows");
        }
        this.units = ProvinceUnits.of(units);
        this.rows = rows;
        this.period = period;
        this.seed = seed;
    }

    public Period period() {
        return period;
    }

    public int units() {
        return units.size();
    }

    /**
     * Writes {@code jobs/} (the files of {@code baseJobs} with units.tsv replaced by the province's)
     * and one workbook per unit into {@code input/}.
     */
    public void write(Path baseJobs, Path jobs, Path input) {
        try {
            Files.createDirectories(jobs);
            Files.createDirectories(input);
            try (Stream<Path> files = Files.list(baseJobs)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(f, jobs.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProvinceUnits.write(jobs, units);
        for (int u = 0; u < units.size(); u++) {
            SampleSubmission s = submission(u);
            SubmissionWriter.write(s, input.resolve(s.unit().code() + "-" + s.fileName()));
        }
    }

    /** Everything unit {@code u} reports. */
    SampleSubmission submission(int u) {
        Unit unit = units.get(u);
        Random random = new Random(seed * 1_000_003L + u);
        List<QualityRow> quality = new ArrayList<>(rows);
        for (int r = 0; r < rows - 2 * SHARED; r++) {
            quality.add(enterprise(ownId(u, r), u));
        }
        int previous = Math.floorMod(u - 1, units.size());
        for (int k = 0; k < SHARED; k++) {
            quality.add(enterprise(sharedId(u, k), u));
            quality.add(enterprise(sharedId(previous, k), previous));
        }
        Collections.shuffle(quality, random);
        UnitStyle reference = UnitStyle.of(new Unit(LAYOUTS[u % LAYOUTS.length], "", unit.kind(), List.of()));
        // the reference unit's layout, its cover naming this unit (an alias of another registry would be unknown here)
        UnitStyle style = new UnitStyle(reference.format(), null, reference.periodStyle(), reference.filledBy(),
                reference.phone(), reference.approvedBy(), reference.filledOnDay(), reference.headers(),
                reference.reordered(), reference.aliasHeaders(), reference.textDates(), reference.blankForNo(),
                reference.totalsRow(), reference.noteRow(), reference.valueColumn());
        return new SampleSubmission(unit, period, style, quality, financing(random, quality), fees(random));
    }

    /** Enterprise ids: a unit's own ones first, then the shared ones (unit {@code u} with {@code u+1}). */
    private long ownId(int u, int r) {
        return (long) u * rows + r;
    }

    private long sharedId(int u, int k) {
        return (long) units.size() * rows + (long) u * SHARED + k;
    }

    /** The 质量提升 row of enterprise {@code id}, registered in the county of unit {@code home}. */
    QualityRow enterprise(long id, int home) {
        Random r = new Random(seed ^ (id * 0x9E3779B97F4A7C15L));
        String name = units.get(home).name().substring(0, 2) + BRAND.charAt(r.nextInt(BRAND.length()))
                + BRAND.charAt(r.nextInt(BRAND.length())) + TRADES[r.nextInt(TRADES.length)] + FORMS[r.nextInt(FORMS.length)];
        Industry industry = Industry.values()[r.nextInt(Industry.values().length)];
        AwardApplication award = r.nextInt(10) < 8 ? AwardApplication.NONE
                : AwardApplication.values()[1 + r.nextInt(AwardApplication.values().length - 1)];
        return new QualityRow(name, code(id, home), industry, r.nextInt(5) == 0, r.nextInt(4) == 0,
                standards(r), standards(r), standards(r), standards(r), standards(r),
                r.nextInt(20) == 0 ? 1 : 0, r.nextInt(8) == 0 ? 1 : 0, award,
                CreditLevel.values()[r.nextInt(CreditLevel.values().length)],
                r.nextInt(10) == 0, r.nextInt(20) == 0, r.nextInt(50) == 0 ? "已核实" : "");
    }

    private static int standards(Random r) {
        return r.nextInt(3) == 0 ? r.nextInt(4) : 0;
    }

    /** 91 + 32 (Jiangsu) + the home unit's index as a county + the id scrambled, with its check character. */
    private static String code(long id, int home) {
        return ScrambledCodes.code(String.format("9132%04d", home % 10_000), id);
    }

    /** Zero to four registration items of the month, each of one to three registrations. */
    private List<FinancingRow> financing(Random random, List<QualityRow> listed) {
        List<FinancingRow> items = new ArrayList<>();
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
            QualityRow borrower = listed.get(random.nextInt(listed.size()));
            RegistrationType type = RegistrationType.values()[random.nextInt(RegistrationType.values().length)];
            BigDecimal amount = BigDecimal.valueOf(5_000 + random.nextInt(500_000), 2);
            items.add(new FinancingRow(borrower.name(), borrower.uscc(), type, 1 + random.nextInt(3), amount,
                    period.month().atDay(1 + random.nextInt(period.month().lengthOfMonth())), ""));
        }
        items.sort(java.util.Comparator.comparing(FinancingRow::date));
        return items;
    }

    private static List<FeeRow> fees(Random random) {
        List<FeeRow> fees = new ArrayList<>();
        for (FeeItem item : FeeItem.values()) {
            boolean none = random.nextInt(4) == 0;
            fees.add(new FeeRow(item, none ? BigDecimal.ZERO.setScale(2) : BigDecimal.valueOf(random.nextInt(20_000), 2),
                    none ? 0 : random.nextInt(300)));
        }
        return fees;
    }
}
