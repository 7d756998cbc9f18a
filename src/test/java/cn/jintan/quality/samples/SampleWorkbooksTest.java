package cn.jintan.quality.samples;

import cn.jintan.quality.config.JobsFiles;
import cn.jintan.quality.domain.Period;
import cn.jintan.quality.domain.Unit;
import cn.jintan.quality.domain.UnitRegistry;
import cn.jintan.quality.domain.Uscc;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * Reads the written samples back with POI's user model, on its own (headers found by text as
 * submission-workbook.md says, nothing taken from the generator's internals), and checks the
 * published reference figures of indicators.md and the rules a real submission must pass.
 */
class SampleWorkbooksTest {

    private static final Period NOV_2020 = Period.of(2020, 11);
    private static final Period OCT_2020 = Period.of(2020, 10);
    private static final Period NOV_2019 = Period.of(2019, 11);
    private static final Period JAN_2019 = Period.of(2019, 1);
    /** 2019-01..2020-11, the months the samples cover. */
    private static final List<Period> MONTHS = Stream.iterate(JAN_2019, p -> p.compareTo(NOV_2020) <= 0,
            p -> new Period(p.month().plusMonths(1))).toList();

    @TempDir
    static Path dir;

    static UnitRegistry registry;
    static List<Path> written;
    static List<Read> submissions;

    @BeforeAll
    static void writeAndReadBack() throws IOException {
        registry = JobsFiles.units(Path.of("jobs"));
        written = SampleWorkbooks.write(dir, registry);
        submissions = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                submissions.add(read(file));
            }
        }
    }

    // ---- files ------------------------------------------------------------------------------------

    @Test
    void writesOneWorkbookPerUnitAndMonthFromJanuary2019ToNovember2020TwoUnitsAsXls() {
        assertThat(MONTHS).hasSize(23);
        assertThat(written).hasSize(299).allMatch(Files::exists);
        assertThat(submissions).hasSize(299);
        for (Unit unit : registry.units()) {
            for (Period p : MONTHS) {
                assertThat(submissions).filteredOn(s -> s.unit.equals(unit) && s.period.equals(p)).hasSize(1);
            }
        }
        List<Read> xls = submissions.stream().filter(s -> s.file.getFileName().toString().endsWith(".xls")).toList();
        assertThat(xls).hasSize(46).allMatch(s -> s.hssf);
        assertThat(xls.stream().map(s -> s.unit.name()).distinct()).containsExactlyInAnyOrder("薛埠镇", "茅山旅游度假区");
        assertThat(submissions).filteredOn(s -> s.file.getFileName().toString().endsWith(".xlsx"))
                .hasSize(253).noneMatch(s -> s.hssf);
        // the file name is the cover's unit (by its full name) and period
        for (Read s : submissions) {
            String ext = s.hssf ? ".xls" : ".xlsx";
            assertThat(s.file.getFileName().toString()).isEqualTo(s.unit.name() + "-" + s.period + ext);
        }
        // month by month, oldest first, so a run takes them in the order they happened
        assertThat(written.get(0).getFileName().toString()).endsWith("-2019-01.xlsx");
        assertThat(written.get(298).getFileName().toString()).contains("-2020-11.xls");
    }

    @Test
    void coversHaveTheRequiredFieldsInTheSpellingsStaffUse() {
        for (Read s : submissions) {
            assertThat(s.cover).as(s.file.toString()).containsKeys("填报单位", "统计期", "填报人", "联系电话");
            assertThat(s.cover.get("联系电话")).matches("1[3-9]\\d{9}|0519-82\\d{6}");
            assertThat(s.cover.get("填报人")).matches("\\p{IsHan}{2,4}");
            assertThat(s.filledOn).as(s.file + " 填报日期").isNotNull();
            assertThat(Period.of(s.filledOn)).isEqualTo(new Period(s.period.month().plusMonths(1)));
            assertThat(s.filledOn.getDayOfMonth()).isLessThanOrEqualTo(5);
        }
        // aliases in use, and the four ways of writing the month
        assertThat(submissions).anyMatch(s -> !s.cover.get("填报单位").equals(s.unit.name()));
        assertThat(submissions).anyMatch(s -> s.periodFromDateCell);
        assertThat(submissions).anyMatch(s -> s.cover.get("统计期").contains("年"));
        assertThat(submissions).anyMatch(s -> s.cover.get("统计期").contains("/"));
        assertThat(submissions).anyMatch(s -> s.cover.get("统计期").matches("\\d{4}-\\d{2}"));
    }

    // ---- the reference case -----------------------------------------------------------------------

    @Test
    void stocksOfNovember2020AreThePublishedFigures() {
        List<Map<String, Object>> rows = qualityRows(NOV_2020);
        assertThat(count(rows, r -> yes(r, "重点企业"))).isEqualTo(100);
        assertThat(count(rows, r -> yes(r, "首席质量官"))).isEqualTo(75);
        assertThat(sum(rows, "国家标准")).isEqualTo(46);
        assertThat(sum(rows, "行业标准")).isEqualTo(27);
        assertThat(sum(rows, "地方标准")).isEqualTo(24);
        assertThat(sum(rows, "国家级标准化试点")).isEqualTo(3);
        assertThat(sum(rows, "省级标准化试点")).isEqualTo(15);
        assertThat(count(rows, r -> "省长质量奖".equals(r.get("质量奖申报")))).isEqualTo(1);
        assertThat(count(rows, r -> "市长质量奖".equals(r.get("质量奖申报")))).isEqualTo(5);
        assertThat(count(rows, r -> "AA".equals(r.get("质量信用等级申报")) || "AAA".equals(r.get("质量信用等级申报"))))
                .isEqualTo(4);
        assertThat(rows.stream().filter(r -> yes(r, "江苏精品")).map(r -> r.get("企业名称")))
                .containsExactly("中盐金坛盐化有限责任公司");
        assertThat(rows.stream().filter(r -> yes(r, "标准领跑者")).map(r -> r.get("企业名称")))
                .containsExactly("常州斯威克光伏新材料有限公司");
        assertThat(rows.size()).isBetween(110, 150);
    }

    @Test
    void flowsOfJanuaryToNovember2020AreThePublishedYearToDateFigures() {
        List<Period> months2020 = MONTHS.stream().filter(p -> p.year() == 2020).toList();
        assertThat(months2020).hasSize(11);
        List<Map<String, Object>> financing = months2020.stream().flatMap(p -> financingRows(p).stream()).toList();
        assertThat(registrations(financing)).isEqualTo(101);
        assertThat(money(financing.stream().map(r -> (BigDecimal) r.get("融资金额")))).isEqualTo(new BigDecimal("667500.00"));

        List<Map<String, Object>> fees = months2020.stream().flatMap(p -> feeRows(p).stream()).toList();
        assertThat(feeAmount(fees, "减免水费", "减免电费", "减免燃气费")).isEqualTo(new BigDecimal("10640.00"));
        assertThat(feeAmount(fees, "清退涉企收费")).isEqualTo(new BigDecimal("360.00"));
        // no two months alone make the year any more: October + November are a small part of it
        List<Map<String, Object>> octNov = new ArrayList<>(financingRows(OCT_2020));
        octNov.addAll(financingRows(NOV_2020));
        assertThat(registrations(octNov)).isBetween(5L, 40L);
    }

    // ---- a year of history ------------------------------------------------------------------------

    @Test
    void stocksGrowMonthByMonthFromA2019Start() {
        long previousRows = 0;
        long previousCqo = 0;
        long previousStandards = 0;
        for (Period p : MONTHS) {
            List<Map<String, Object>> rows = qualityRows(p);
            long cqo = count(rows, r -> yes(r, "首席质量官"));
            long standards = sum(rows, "国家标准") + sum(rows, "行业标准") + sum(rows, "地方标准");
            assertThat(rows.size()).as("enterprises listed " + p).isGreaterThanOrEqualTo((int) previousRows);
            assertThat(cqo).as("CQOs " + p).isGreaterThanOrEqualTo(previousCqo);
            assertThat(standards).as("standards " + p).isGreaterThanOrEqualTo(previousStandards);
            previousRows = rows.size();
            previousCqo = cqo;
            previousStandards = standards;
        }
        // and they really move: 2019 well below 2020-11, still a little below in October 2020
        List<Map<String, Object>> start = qualityRows(JAN_2019);
        List<Map<String, Object>> end = qualityRows(NOV_2020);
        assertThat(start.size()).isLessThan(end.size() * 9 / 10).isGreaterThan(end.size() / 2);
        assertThat(count(start, r -> yes(r, "首席质量官"))).isLessThan(75 * 7 / 10);
        assertThat(sum(start, "国家标准")).isLessThan(46 * 7 / 10);
        assertThat(count(qualityRows(NOV_2019), r -> yes(r, "首席质量官"))).isLessThan(75);
        assertThat(sum(qualityRows(NOV_2019), "国家标准")).isLessThan(46);
        assertThat(qualityRows(OCT_2020).size()).isLessThan(end.size());
        assertThat(count(qualityRows(OCT_2020), r -> yes(r, "首席质量官"))).isLessThan(75);
        // the year's applications and certifications are not on the 2019 lists
        List<Map<String, Object>> rows2019 = MONTHS.stream().filter(p -> p.year() == 2019)
                .flatMap(p -> qualityRows(p).stream()).toList();
        assertThat(rows2019).noneMatch(r -> yes(r, "江苏精品") || yes(r, "标准领跑者")
                || "省长质量奖".equals(r.get("质量奖申报")) || "AAA".equals(r.get("质量信用等级申报")));
        // enterprises join in many different months, and once listed stay listed
        Set<Period> joined = new HashSet<>();
        Set<String> seen = new HashSet<>();
        for (Period p : MONTHS) {
            Set<String> now = new HashSet<>();
            qualityRows(p).forEach(r -> now.add((String) r.get("统一社会信用代码")));
            assertThat(now).as(p.toString()).containsAll(seen);
            if (!seen.isEmpty() && !seen.containsAll(now)) {
                joined.add(p);
            }
            seen = now;
        }
        assertThat(joined).hasSizeGreaterThan(10).contains(NOV_2020);
    }

    @Test
    void flowsMoveFromMonthToMonthAndByUnit() {
        List<BigDecimal> amounts2020 = new ArrayList<>();
        for (Period p : MONTHS) {
            // no month without data: registrations and relief in every month of the district
            assertThat(registrations(financingRows(p))).as("registrations " + p).isPositive();
            assertThat(feeAmount(feeRows(p), "减免水费", "减免电费", "减免燃气费")).as("relief " + p).isPositive();
            if (p.year() == 2020) {
                amounts2020.add(money(financingRows(p).stream().map(r -> (BigDecimal) r.get("融资金额"))));
            }
        }
        assertThat(amounts2020).hasSize(11).doesNotHaveDuplicates();
        assertThat(amounts2020.stream().max(BigDecimal::compareTo).orElseThrow())
                .isGreaterThan(amounts2020.stream().min(BigDecimal::compareTo).orElseThrow().multiply(BigDecimal.valueOf(3)));
        // February 2020 (the lockdown) is the quietest month for financing, spring the busiest for relief
        Period feb = Period.of(2020, 2);
        assertThat(registrations(financingRows(feb)))
                .isLessThanOrEqualTo(MONTHS.stream().filter(p -> p.year() == 2020).mapToLong(p -> registrations(financingRows(p))).min().orElseThrow());
        assertThat(feeAmount(feeRows(Period.of(2020, 3)), "减免水费", "减免电费", "减免燃气费"))
                .isGreaterThan(feeAmount(feeRows(Period.of(2020, 1)), "减免水费", "减免电费", "减免燃气费"));
        // each unit has its own rhythm: its monthly relief is not a constant, and it registered in some months only
        for (Unit unit : registry.units()) {
            List<Read> own = submissions.stream().filter(s -> s.unit.equals(unit)).toList();
            assertThat(own.stream().map(s -> feeAmount(s.fees, "减免水费", "减免电费", "减免燃气费")).distinct().count())
                    .as(unit.name()).isGreaterThan(15);
            assertThat(own).as(unit.name()).anyMatch(s -> !s.financing.isEmpty() && s.period.year() == 2019)
                    .anyMatch(s -> !s.financing.isEmpty() && s.period.year() == 2020);
        }
    }

    @Test
    void year2019IsCompleteAndLowerThan2020() {
        List<Period> janToNov2019 = MONTHS.stream().filter(p -> p.year() == 2019 && p.monthValue() <= 11).toList();
        List<Period> janToNov2020 = MONTHS.stream().filter(p -> p.year() == 2020).toList();
        assertThat(janToNov2019).hasSize(11);
        assertThat(MONTHS.stream().filter(p -> p.year() == 2019)).hasSize(12);
        for (Period p : janToNov2019) {
            assertThat(submissions.stream().filter(s -> s.period.equals(p))).as(p.toString()).hasSize(13);
        }
        BigDecimal amount2019 = money(janToNov2019.stream().flatMap(p -> financingRows(p).stream())
                .map(r -> (BigDecimal) r.get("融资金额")));
        BigDecimal relief2019 = feeAmount(janToNov2019.stream().flatMap(p -> feeRows(p).stream()).toList(),
                "减免水费", "减免电费", "减免燃气费");
        long registrations2019 = registrations(janToNov2019.stream().flatMap(p -> financingRows(p).stream()).toList());
        // lower than 2020, but of the same order: a 同比 of tens of percent, not thousands
        assertThat(amount2019).isBetween(new BigDecimal("300000"), new BigDecimal("600000"));
        assertThat(relief2019).isBetween(new BigDecimal("3000"), new BigDecimal("8000"));
        assertThat(registrations2019).isBetween(50L, 100L);
        assertThat(janToNov2020).hasSize(11);
    }

    @Test
    void aRangeOfMonthsIsWrittenByteForByteLikeTheFullHistory(@TempDir Path some) throws IOException {
        List<Path> range = SampleWorkbooks.write(some, registry, OCT_2020, NOV_2020);
        assertThat(range).hasSize(26);
        for (Path file : range) {
            assertThat(Files.readAllBytes(file)).as(file.toString())
                    .isEqualTo(Files.readAllBytes(dir.resolve(file.getFileName().toString())));
        }
    }

    @Test
    void monthsOutsideTheSamplesAreRefusedBeforeAnythingIsWritten(@TempDir Path none) {
        Path out = none.resolve("out");
        assertThatThrownBy(() -> SampleWorkbooks.write(out, registry, JAN_2019, Period.of(2020, 12)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2019-01..2020-11");
        assertThatThrownBy(() -> SampleWorkbooks.write(out, registry, Period.of(2018, 12), NOV_2020))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SampleWorkbooks.write(out, registry, NOV_2020, OCT_2020))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(out).doesNotExist();
    }

    // ---- rules every submission must pass ---------------------------------------------------------

    @Test
    void everyCodeIsValidAndNoCodeIsReportedByTwoUnitsInAPeriod() {
        Map<Period, Map<String, Unit>> owner = new HashMap<>();
        Map<String, String> nameOfCode = new HashMap<>();
        int codes = 0;
        for (Read s : submissions) {
            Set<String> seenInQuality = new HashSet<>();
            for (Map<String, Object> r : s.quality) {
                assertThat(seenInQuality.add((String) r.get("统一社会信用代码"))).as("row.duplicate in " + s.file).isTrue();
            }
            for (Map<String, Object> r : Stream.concat(s.quality.stream(), s.financing.stream()).toList()) {
                String code = (String) r.get("统一社会信用代码");
                codes++;
                assertThat(Uscc.check(code)).as(code + " in " + s.file).isEqualTo(Uscc.Check.VALID);
                Unit other = owner.computeIfAbsent(s.period, p -> new HashMap<>()).putIfAbsent(code, s.unit);
                assertThat(other == null || other.equals(s.unit))
                        .as(code + " reported by " + other + " and " + s.unit + " in " + s.period).isTrue();
                // the same enterprise keeps the same code in every period (and a code names one enterprise)
                String name = nameOfCode.putIfAbsent(code, (String) r.get("企业名称"));
                assertThat(name == null || name.equals(r.get("企业名称"))).as(code).isTrue();
            }
        }
        assertThat(codes).isGreaterThan(300);
    }

    @Test
    void registrationDatesFallInTheirMonthAndValuesAreInRange() {
        for (Read s : submissions) {
            for (Map<String, Object> r : s.financing) {
                assertThat(s.period.contains((LocalDate) r.get("登记日期"))).as(s.file + " " + r).isTrue();
                assertThat(List.of("动产抵押", "股权出质", "知识产权质押", "其他")).contains((String) r.get("登记类型"));
                assertThat((BigDecimal) r.get("登记件数")).isBetween(BigDecimal.ONE, BigDecimal.valueOf(10_000));
                assertThat(((BigDecimal) r.get("融资金额")).signum()).isPositive();
            }
            assertThat(s.fees.stream().map(r -> r.get("项目")))
                    .containsExactlyInAnyOrder("减免水费", "减免电费", "减免燃气费", "清退涉企收费", "其他减免");
            for (Map<String, Object> r : s.quality) {
                assertThat(List.of("新能源汽车", "新一代移动通信", "生物技术和新医药", "光伏新能源", "其他"))
                        .contains((String) r.get("所属产业"));
                assertThat(((String) r.get("企业名称")).length()).isBetween(2, 100);
            }
        }
    }

    @Test
    void totalsRowsAddUp() {
        assertThat(submissions).anyMatch(s -> !s.totals.isEmpty());
        for (Read s : submissions) {
            s.totals.forEach((sheetAndHeader, total) ->
                    assertThat(total).as(s.file + " " + sheetAndHeader).isEqualByComparingTo(s.columnSums.get(sheetAndHeader)));
        }
    }

    @Test
    void theArticlesEnterprisesAreListedUnderTheirUnits() {
        Map<String, String> expected = Map.of(
                "常州斯威克光伏新材料有限公司", "直溪镇",
                "正信光电科技股份有限公司", "金坛经济开发区",
                "中盐金坛盐化有限责任公司", "金坛经济开发区",
                "江苏金旺科技有限公司", "华罗庚高新技术产业开发区");
        Map<String, String> shortNames = Map.of(
                "华诚电子", "华罗庚高新技术产业开发区",
                "金旺智能", "华罗庚高新技术产业开发区",
                "中盐常州", "华罗庚高新技术产业开发区");
        for (Period p : MONTHS) {
            Map<String, String> unitOf = new HashMap<>();
            submissions.stream().filter(s -> s.period.equals(p))
                    .forEach(s -> s.quality.forEach(r -> unitOf.put((String) r.get("企业名称"), s.unit.name())));
            expected.forEach((name, unit) -> assertThat(unitOf.get(name)).as(name + " in " + p).isEqualTo(unit));
            shortNames.forEach((shortName, unit) -> {
                // 华诚电子 -> 常州华诚电子科技有限公司: the short name's characters appear in order
                Pattern loose = Pattern.compile(String.join(".*", shortName.split("")));
                List<String> hits = unitOf.keySet().stream().filter(n -> loose.matcher(n).find()).toList();
                assertThat(hits).as(shortName + " in " + p).hasSize(1);
                assertThat(unitOf.get(hits.get(0))).isEqualTo(unit);
            });
        }
    }

    @Test
    void everyRunWritesTheSameBytes(@TempDir Path again) throws IOException {
        // a year's worth is enough to show it (the range test above compares the rest)
        List<Path> second = SampleWorkbooks.write(again, registry, JAN_2019, Period.of(2019, 12));
        assertThat(second).hasSize(156);
        for (Path file : second) {
            assertThat(Files.readAllBytes(file)).as(file.toString())
                    .isEqualTo(Files.readAllBytes(dir.resolve(file.getFileName().toString())));
        }
    }

    // ---- figures over the read rows ---------------------------------------------------------------

    private static List<Map<String, Object>> qualityRows(Period p) {
        return submissions.stream().filter(s -> s.period.equals(p)).flatMap(s -> s.quality.stream()).toList();
    }

    private static List<Map<String, Object>> financingRows(Period p) {
        return submissions.stream().filter(s -> s.period.equals(p)).flatMap(s -> s.financing.stream()).toList();
    }

    private static List<Map<String, Object>> feeRows(Period p) {
        return submissions.stream().filter(s -> s.period.equals(p)).flatMap(s -> s.fees.stream()).toList();
    }

    private static long registrations(List<Map<String, Object>> financing) {
        return financing.stream().mapToLong(r -> ((BigDecimal) r.get("登记件数")).longValueExact()).sum();
    }

    private static boolean yes(Map<String, Object> row, String header) {
        return "是".equals(row.get(header));
    }

    private static long count(List<Map<String, Object>> rows, Predicate<Map<String, Object>> p) {
        return rows.stream().filter(p).count();
    }

    private static long sum(List<Map<String, Object>> rows, String header) {
        return rows.stream().map(r -> (BigDecimal) r.get(header)).filter(v -> v != null)
                .mapToLong(BigDecimal::longValueExact).sum();
    }

    private static BigDecimal money(Stream<BigDecimal> values) {
        return values.filter(v -> v != null).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
    }

    private static BigDecimal feeAmount(List<Map<String, Object>> rows, String... items) {
        return money(rows.stream().filter(r -> Arrays.asList(items).contains(r.get("项目"))).map(r -> (BigDecimal) r.get("金额")));
    }

    // ---- an independent reader, after submission-workbook.md -------------------------------------

    /** What one workbook says, keyed by canonical header (unit in brackets removed). */
    static final class Read {
        Path file;
        boolean hssf;
        Unit unit;
        Period period;
        boolean periodFromDateCell;
        LocalDate filledOn;
        Map<String, String> cover = new HashMap<>();
        List<Map<String, Object>> quality;
        List<Map<String, Object>> financing;
        List<Map<String, Object>> fees;
        /** "sheet/header" -> value of the 合计 row, and the sum of the rows above it. */
        Map<String, BigDecimal> totals = new HashMap<>();
        Map<String, BigDecimal> columnSums = new HashMap<>();
    }

    enum Kind { TEXT, NUMBER, DATE }

    /** Canonical header -> (accepted spellings, kind). */
    record Header(String name, List<String> spellings, Kind kind) {
        static Header of(String name, Kind kind, String... aliases) {
            List<String> all = new ArrayList<>(List.of(name));
            all.addAll(List.of(aliases));
            return new Header(name, all, kind);
        }
    }

    private static final List<Header> QUALITY = List.of(
            Header.of("企业名称", Kind.TEXT, "单位名称", "市场主体名称"),
            Header.of("统一社会信用代码", Kind.TEXT, "社会信用代码", "信用代码"),
            Header.of("所属产业", Kind.TEXT), Header.of("重点企业", Kind.TEXT), Header.of("首席质量官", Kind.TEXT),
            Header.of("国际标准", Kind.NUMBER), Header.of("国家标准", Kind.NUMBER), Header.of("行业标准", Kind.NUMBER),
            Header.of("地方标准", Kind.NUMBER), Header.of("团体标准", Kind.NUMBER),
            Header.of("国家级标准化试点", Kind.NUMBER), Header.of("省级标准化试点", Kind.NUMBER),
            Header.of("质量奖申报", Kind.TEXT), Header.of("质量信用等级申报", Kind.TEXT),
            Header.of("江苏精品", Kind.TEXT), Header.of("标准领跑者", Kind.TEXT));
    private static final List<Header> FINANCING = List.of(
            Header.of("企业名称", Kind.TEXT, "市场主体名称", "单位名称"),
            Header.of("统一社会信用代码", Kind.TEXT, "社会信用代码", "信用代码"),
            Header.of("登记类型", Kind.TEXT), Header.of("登记件数", Kind.NUMBER),
            Header.of("融资金额", Kind.NUMBER), Header.of("登记日期", Kind.DATE));
    private static final List<Header> FEES = List.of(
            Header.of("项目", Kind.TEXT), Header.of("金额", Kind.NUMBER), Header.of("惠及市场主体", Kind.NUMBER));

    private static Read read(Path file) throws IOException {
        Read s = new Read();
        s.file = file;
        try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
            s.hssf = wb instanceof HSSFWorkbook;
            assertThat(s.hssf || wb instanceof XSSFWorkbook).isTrue();
            readCover(wb, s);
            s.quality = table(wb, "质量提升", QUALITY, 3, s);
            s.financing = table(wb, "融资助企", FINANCING, 6, s);
            s.fees = table(wb, "减费让利", FEES, 1, s);
        }
        return s;
    }

    private static void readCover(Workbook wb, Read s) {
        Sheet sheet = sheet(wb, "封面");
        Set<String> labels = Set.of("填报单位", "统计期", "填报人", "联系电话", "填报日期", "审核人");
        for (int r = 0; r < 20; r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            for (int c = 0; c < row.getLastCellNum(); c++) {
                String label = norm(text(row.getCell(c)));
                if (!labels.contains(label)) {
                    continue;
                }
                for (int v = c + 1; v < row.getLastCellNum(); v++) {
                    Cell cell = row.getCell(v);
                    if (cell == null || cell.getCellType() == CellType.BLANK) {
                        continue;
                    }
                    if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                        LocalDate d = cell.getLocalDateTimeCellValue().toLocalDate();
                        if (label.equals("统计期")) {
                            s.period = Period.of(d);
                            s.periodFromDateCell = true;
                        } else if (label.equals("填报日期")) {
                            s.filledOn = d;
                        }
                        s.cover.put(label, d.toString());
                    } else {
                        s.cover.put(label, norm(text(cell)));
                    }
                    break;
                }
            }
        }
        s.unit = registry.find(s.cover.get("填报单位")).orElseThrow(() -> new AssertionError("unknown unit in " + s.file));
        if (s.period == null) {
            s.period = Period.parse(s.cover.get("统计期")).orElseThrow(() -> new AssertionError("bad 统计期 in " + s.file));
        }
    }

    private static List<Map<String, Object>> table(Workbook wb, String sheetName, List<Header> headers, int required,
                                                   Read s) {
        Sheet sheet = sheet(wb, sheetName);
        Map<String, Integer> columnOf = null;
        int headerRow = -1;
        for (int r = 0; r < 10 && columnOf == null; r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            Map<String, Integer> found = new HashMap<>();
            for (int c = 0; c < row.getLastCellNum(); c++) {
                String h = header(text(row.getCell(c)));
                for (Header header : headers) {
                    if (header.spellings().contains(h)) {
                        found.putIfAbsent(header.name(), c);
                    }
                }
            }
            if (headers.subList(0, required).stream().allMatch(h -> found.containsKey(h.name()))) {
                columnOf = found;
                headerRow = r;
            }
        }
        if (columnOf == null) {
            fail("header.missing: " + sheetName + " in " + s.file);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int r = headerRow + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            Optional<String> first = row == null ? Optional.empty() : firstNonEmpty(row);
            if (first.isEmpty()) {
                break;
            }
            boolean totals = first.get().equals("合计") || first.get().equals("总计");
            Map<String, Object> values = new HashMap<>();
            for (Header h : headers) {
                if (totals && h.kind() != Kind.NUMBER) {
                    continue; // a 合计 row only has sums
                }
                Integer c = columnOf.get(h.name());
                Cell cell = c == null ? null : row.getCell(c);
                Object v = switch (h.kind()) {
                    case TEXT -> blankToNull(norm(text(cell)));
                    case NUMBER -> number(cell, s.file);
                    case DATE -> date(cell, s.file);
                };
                values.put(h.name(), v);
                if (h.kind() == Kind.NUMBER) {
                    String key = sheetName + "/" + h.name();
                    if (totals) {
                        if (v != null) {
                            s.totals.put(key, (BigDecimal) v);
                        }
                    } else {
                        s.columnSums.merge(key, v == null ? BigDecimal.ZERO : (BigDecimal) v, BigDecimal::add);
                    }
                }
            }
            if (totals) {
                break;
            }
            rows.add(values);
        }
        return rows;
    }

    private static Sheet sheet(Workbook wb, String name) {
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            if (wb.getSheetName(i).strip().equals(name)) {
                return wb.getSheetAt(i);
            }
        }
        throw new AssertionError("sheet.missing: " + name);
    }

    private static Optional<String> firstNonEmpty(Row row) {
        for (int c = 0; c < row.getLastCellNum(); c++) {
            String t = norm(text(row.getCell(c)));
            if (!t.isEmpty()) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getCellType()) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            default -> "";
        };
    }

    private static String norm(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).strip();
    }

    /** Header matching: NFKC, no whitespace or line breaks, the unit in brackets dropped. */
    private static String header(String s) {
        return norm(s).replaceAll("\\s+", "").replaceAll("\\([^)]*\\)$", "");
    }

    private static Object blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    /** A number cell or number text; exact (shortest decimal of the double), at most 2 decimals. */
    private static BigDecimal number(Cell cell, Path file) {
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return null;
        }
        BigDecimal v;
        if (cell.getCellType() == CellType.NUMERIC) {
            v = BigDecimal.valueOf(cell.getNumericCellValue());
        } else if (cell.getCellType() == CellType.STRING) {
            String t = norm(cell.getStringCellValue()).replace(",", "");
            if (t.isEmpty()) {
                return null;
            }
            v = new BigDecimal(t);
        } else {
            throw new AssertionError("cell.type at " + cell.getAddress() + " in " + file);
        }
        assertThat(v.stripTrailingZeros().scale()).as("decimals at " + cell.getAddress() + " in " + file)
                .isLessThanOrEqualTo(2);
        return v.setScale(2);
    }

    private static final Pattern TEXT_DATE = Pattern.compile("(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?");

    private static LocalDate date(Cell cell, Path file) {
        if (cell != null && cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate();
        }
        Matcher m = TEXT_DATE.matcher(norm(text(cell)));
        if (!m.matches()) {
            throw new AssertionError("cell.type (date) at " + (cell == null ? "?" : cell.getAddress()) + " in " + file);
        }
        return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }
}
