package cn.jintan.quality.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

import cn.jintan.quality.testing.Console;
import cn.jintan.quality.testing.Installation;
import cn.jintan.quality.testing.TestWorkbook;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line's contract: help in Chinese and English, exit status 0/1/2. */
class MainTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final Console console = new Console();

    private String stdout() {
        return console.out();
    }

    private String stderr() {
        return console.err();
    }

    @Test
    void helpListsTheCommandsInChineseAndEnglish() {
        assertThat(Main.execute("--help")).isZero();
        assertThat(stdout()).contains("用法 / Usage", "run", "samples", "执行一次夜间运行", "One nightly run", "退出码 / Exit status");
    }

    @Test
    void everyCommandHasItsOwnHelp() {
        assertThat(Main.execute("run", "--help")).isZero();
        assertThat(stdout()).contains("--input=DIR", "--output=DIR", "--data=DIR", "--jobs=DIR", "待处理工作簿");
        assertThat(Main.execute("samples", "--help")).isZero();
        assertThat(stdout()).contains("--out=DIR");
    }

    @Test
    void scheduleReportAndTemplateHaveHelpToo() {
        assertThat(Main.execute("schedule", "--help")).isZero();
        assertThat(stdout()).contains("保持运行", "Stay running");
        assertThat(Main.execute("report", "--help")).isZero();
        assertThat(stdout()).contains("--period=YYYY-MM", "重新生成");
        assertThat(Main.execute("template", "--help")).isZero();
        assertThat(stdout()).contains("--out");
    }

    @Test
    void reportRendersAPeriodAgainFromTheDatabase() throws Exception {
        Path input = dir.resolve("input");
        assertThat(Main.execute("samples", "--out", input.toString(), "--from", "2019-11", "--to", "2019-11")).isZero();
        try (var files = Files.list(input)) {
            files.forEach(cn.jintan.quality.testing.Installation::settle);
        }
        String[] folders = {"--input", input.toString(), "--output", dir.resolve("output").toString(),
                "--data", dir.resolve("data").toString(), "--jobs", Path.of("jobs").toAbsolutePath().toString()};
        assertThat(Main.execute(concat("run", folders))).isZero();
        Path pdf = dir.resolve("output/briefings/2019-11/briefing-2019-11.pdf");
        Files.delete(pdf);

        assertThat(Main.execute(concat("report", concat("--period", concat("2019-11", folders))))).isZero();

        assertThat(pdf).isRegularFile();
        assertThat(stdout()).contains("已重新生成 2019-11 的简报（13/13 个单位已通过）");
        assertThat(Main.execute(concat("report", concat("--period", concat("2019-13", folders))))).isEqualTo(Main.USAGE);
        assertThat(stderr()).contains("统计期\"2019-13\"无法识别");
    }

    @Test
    void reportKeepsTheFirstIssueDateUnlessADateIsGiven() throws Exception {
        Path input = Installation.input(dir);
        Installation.settle(TestWorkbook.valid().write(input.resolve("直溪镇-2020-11.xlsx")));
        String[] folders = {"--input", input.toString(), "--output", dir.resolve("output").toString(),
                "--data", dir.resolve("data").toString(), "--jobs", Path.of("jobs").toAbsolutePath().toString()};
        assertThat(Main.execute(concat("run", folders))).isZero();
        Path pdf = dir.resolve("output/briefings/2020-11/briefing-2020-11.pdf");
        Path unitPage = dir.resolve("output/briefings/2020-11/units/zhixi-2020-11.pdf");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String issued = today.getYear() + "年" + today.getMonthValue() + "月" + today.getDayOfMonth() + "日";
        assertThat(pdfText(pdf)).contains("2020年第11期", issued);

        // bad dates are command-line errors, caught before the database is opened
        for (String bad : new String[]{"2020-13-01", "2021-02-30", "3.12.2020", ""}) {
            assertThat(Main.execute(concat("report", concat("--period", concat("2020-11", concat("--date", concat(bad, folders)))))))
                    .as(bad).isEqualTo(Main.USAGE);
            assertThat(stderr()).contains("印发日期\"" + bad + "\"无法识别", "cannot read the issue date");
        }
        assertThat(Main.execute(concat("report", concat("--period", concat("2020-11", concat("--date", concat("2020-10-31", folders)))))))
                .isEqualTo(Main.USAGE);
        assertThat(stderr()).contains("印发日期 2020-10-31 早于统计期 2020-11 的第一天");
        assertThat(pdfText(pdf)).contains(issued);

        assertThat(Main.execute(concat("report", concat("--period", concat("2020-11", concat("--date", concat("2020-12-03", folders)))))))
                .isZero();
        assertThat(pdfText(pdf)).contains("2020年第11期", "2020年12月3日").doesNotContain(issued);
        assertThat(pdfText(unitPage)).contains("2020年第11期", "2020年12月3日");
        // rendered again without --date: the stored date stays
        assertThat(Main.execute(concat("report", concat("--period", concat("2020-11", folders))))).isZero();
        assertThat(pdfText(pdf)).contains("2020年12月3日");
        assertThat(Main.execute(concat("run", folders))).isZero();
        assertThat(pdfText(pdf)).contains("2020年12月3日");
        assertThat(Main.execute("report", "--help")).isZero();
        assertThat(stdout()).contains("--date=YYYY-MM-DD", "印发日期");
    }

    private static String pdfText(Path pdf) throws java.io.IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        }
    }

    @Test
    void anUnknownRankingIndicatorIsBadConfiguration() {
        System.setProperty("qb.ranking-indicator", "financing_ytd");
        try {
            int status = Main.execute("run", "--input", dir.resolve("in").toString(), "--output", dir.resolve("out").toString(),
                    "--data", dir.resolve("data").toString(), "--jobs", Path.of("jobs").toAbsolutePath().toString());
            assertThat(status).isEqualTo(Main.USAGE);
            assertThat(stderr()).contains("配置错误", "qb.ranking-indicator", "unknown indicator key 'financing_ytd'");
        } finally {
            System.clearProperty("qb.ranking-indicator");
        }
    }

    private static String[] concat(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    @Test
    void aBadCommandLineExitsWith2() {
        assertThat(Main.execute("bogus")).isEqualTo(Main.USAGE);
        assertThat(Main.execute("run", "--no-such-option")).isEqualTo(Main.USAGE);
        assertThat(Main.execute("samples")).isEqualTo(Main.USAGE); // --out is required
    }

    @Test
    void aBrokenUnitRegistryExitsWith2NamingFileAndLine() throws Exception {
        Path jobs = Files.createDirectories(dir.resolve("jobs"));
        Files.writeString(jobs.resolve("units.tsv"), "# registry\nzhixi\t直溪镇\tTOWN\t直溪\nBAD CODE\t金城镇\tTOWN\t\n");
        int status = Main.execute("run", "--jobs", jobs.toString(), "--input", dir.resolve("in").toString(),
                "--output", dir.resolve("out").toString(), "--data", dir.resolve("data").toString());
        assertThat(status).isEqualTo(Main.USAGE);
        assertThat(stderr()).contains("配置错误", "units.tsv:3", "unit code");
    }

    @Test
    void samplesWritesTheWorkbooksOfTheMonthsAsked() {
        // the default (all 299, 2019-01..2020-11) is counted in SampleWorkbooksTest; here a range
        assertThat(Main.execute("samples", "--out", dir.resolve("samples").toString(), "--from", "2020年10月",
                "--to", "2020-11")).isZero();
        assertThat(dir.resolve("samples").toFile().list()).hasSize(26).contains("直溪镇-2020-10.xlsx", "薛埠镇-2020-11.xls");
        assertThat(stdout()).contains("已写出 26 个示例工作簿");
        assertThat(Main.execute("samples", "--help")).isZero();
        assertThat(stdout()).contains("--from=YYYY-MM", "--to=YYYY-MM", "299");
    }

    @Test
    void samplesOutsideTheirMonthsAreABadCommandLine() {
        Path out = dir.resolve("none");
        assertThat(Main.execute("samples", "--out", out.toString(), "--to", "2020-12")).isEqualTo(Main.USAGE);
        assertThat(stderr()).contains("示例只覆盖 2019-01 至 2020-11，无法写出 2019-01 至 2020-12");
        assertThat(Main.execute("samples", "--out", out.toString(), "--from", "2020-11", "--to", "2020-10"))
                .isEqualTo(Main.USAGE);
        assertThat(Main.execute("samples", "--out", out.toString(), "--from", "2020-13")).isEqualTo(Main.USAGE);
        assertThat(out).doesNotExist();
    }
}
