package cn.jintan.quality.cli;

import cn.jintan.quality.testing.Console;
import cn.jintan.quality.testing.Installation;
import cn.jintan.quality.testing.TestWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every wrong command line and wrong input, word for word: one line in the catalogue's Chinese and
 * English naming what is wrong, one line pointing at --help (never the whole usage), exit 2.
 */
class CliErrorsTest {

    private static final String COMMANDS = "run, schedule, report, template, samples, rebuild, worker, help";
    private static final String ROOT_HINT = "运行 java -jar quality-briefing.jar --help 查看全部命令和选项"
            + " / run java -jar quality-briefing.jar --help for all commands and options";

    @TempDir
    Path dir;

    @RegisterExtension
    final Console console = new Console();

    private static String hint(String command) {
        return "运行 java -jar quality-briefing.jar " + command + " --help 查看全部选项"
                + " / run java -jar quality-briefing.jar " + command + " --help for all options";
    }

    /** Exit 2, exactly these lines on standard error, nothing on standard output. */
    private void assertUsageError(int status, String... lines) {
        assertThat(status).as(console.err()).isEqualTo(Main.USAGE);
        assertThat(console.err().lines().toList()).containsExactly(lines);
        assertThat(console.out()).isEmpty();
        console.reset();
    }

    /** The folders under the test's own directory, so nothing is created in the working directory. */
    private String[] folders(String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of("--output", dir.resolve("output").toString(), "--data", dir.resolve("data").toString(),
                "--jobs", Installation.repositoryJobs().toString()));
        return args.toArray(String[]::new);
    }

    @Test
    void anUnknownOptionIsNamedWithOneHint() {
        assertUsageError(Main.execute("--foo"), "没有 --foo 这个选项 / unknown option --foo", ROOT_HINT);
        assertUsageError(Main.execute("run", "--foo", "--input", "x"), "没有 --foo 这个选项 / unknown option --foo", hint("run"));
        // picocli's suggestion, when it has one, goes into the hint
        assertUsageError(Main.execute("run", "--inptu", "x"), "没有 --inptu 这个选项 / unknown option --inptu",
                "是否想写 --input？运行 java -jar quality-briefing.jar run --help 查看全部选项"
                        + " / did you mean --input? run java -jar quality-briefing.jar run --help for all options");
    }

    @Test
    void aMissingRequiredOptionIsNamedAsItIsWritten() {
        assertUsageError(Main.execute("report"),
                "缺少必填的选项 --period=YYYY-MM / missing required option --period=YYYY-MM", hint("report"));
        assertUsageError(Main.execute("template"), "缺少必填的选项 --out=FILE / missing required option --out=FILE", hint("template"));
        assertUsageError(Main.execute("samples"), "缺少必填的选项 --out=DIR / missing required option --out=DIR", hint("samples"));
    }

    @Test
    void anOptionWithoutItsValueSaysHowToWriteIt() {
        String line = "选项 --period 后面缺少取值，应写成 --period=YYYY-MM / option --period needs a value: --period=YYYY-MM";
        assertUsageError(Main.execute("report", "--period"), line, hint("report"));
        assertUsageError(Main.execute("report", "--period", "--date", "2020-12-03"), line, hint("report"));
    }

    @Test
    void aBadValueIsNamedWithItsOption() {
        assertUsageError(Main.execute("report", "--period", "2019-13"),
                "--period: 统计期\"2019-13\"无法识别，请写成 2020-11 / cannot read the period \"2019-13\"; write it as 2020-11",
                hint("report"));
        assertUsageError(Main.execute("report", "--period", "2020-11", "--date", "2020-02-30"),
                "--date: 印发日期\"2020-02-30\"无法识别，请写成 2020-12-03 这样的实际日期"
                        + " / cannot read the issue date \"2020-02-30\"; write a real date such as 2020-12-03",
                hint("report"));
        assertUsageError(Main.execute("samples", "--out", dir.resolve("s").toString(), "--from", "x"),
                "--from: 统计期\"x\"无法识别，请写成 2020-11 / cannot read the period \"x\"; write it as 2020-11", hint("samples"));
        assertUsageError(Main.execute("--help=yes"),
                "选项 --help 的取值\"yes\"无法识别，应写成 --help / cannot read \"yes\" for option --help; write --help", ROOT_HINT);
    }

    @Test
    void anOptionGivenTwiceOrAnArgumentTooMany() {
        assertUsageError(Main.execute("run", "--input", "a", "--input", "b"),
                "选项 --input 只能写一次 / option --input may be given only once", hint("run"));
        assertUsageError(Main.execute("run", "bogus"),
                "多余的参数 bogus，run 不接受这个参数 / unexpected argument bogus: run takes no such argument", hint("run"));
    }

    @Test
    void anUnknownOrMissingCommandListsTheCommands() {
        assertUsageError(Main.execute("bogus"),
                "没有 bogus 这个命令，可用的命令有：" + COMMANDS + " / unknown command bogus; the commands are: " + COMMANDS, ROOT_HINT);
        assertUsageError(Main.execute("help", "bogus"),
                "没有 bogus 这个命令，可用的命令有：" + COMMANDS + " / unknown command bogus; the commands are: " + COMMANDS, ROOT_HINT);
        assertUsageError(Main.execute(), "请写出要执行的命令：" + COMMANDS + " / give a command: " + COMMANDS, ROOT_HINT);
    }

    @Test
    void aMissingDropBoxIsRefusedBeforeAnythingIsCreated() {
        Path missing = dir.resolve("mnt/dropbox");
        String refused = "待处理文件夹 " + missing + " 不存在（共享文件夹未挂载？路径写错？），本次未做任何处理"
                + " / the drop box " + missing + " does not exist (share not mounted? wrong path?); nothing was done";
        assertUsageError(Main.execute(folders("run", "--input", missing.toString())), refused);
        assertUsageError(Main.execute(folders("schedule", "--input", missing.toString())), refused);
        assertThat(dir.resolve("data")).doesNotExist();
        assertThat(dir.resolve("output")).doesNotExist();
        // from pipeline.conf or the environment alike (here a system property, as QB_INPUT binds)
        System.setProperty("qb.input", missing.toString());
        try {
            assertUsageError(Main.execute(folders("run")), refused);
        } finally {
            System.clearProperty("qb.input");
        }
    }

    @Test
    void remoteIntakeAndWorkersOnTheEmbeddedDatabaseAreRefusedBeforeAnythingIsCreated() {
        String problem = "remote intake needs the PostgreSQL database every process shares (spring.datasource.url = "
                + "jdbc:postgresql://...); the embedded H2 database belongs to one process";
        System.setProperty("qb.intake-mode", "remote");
        try {
            assertUsageError(Main.execute(folders("run", "--input", Installation.input(dir).toString())),
                    "配置错误 / configuration error: qb.intake-mode (\"qb.intake-mode\" from property source \"systemProperties\"): " + problem
                            + "（请改正该设置后再运行，本次未做任何处理 / fix this setting and run again; nothing was done）");
        } finally {
            System.clearProperty("qb.intake-mode");
        }
        assertUsageError(Main.execute(folders("worker")), "配置错误 / configuration error: spring.datasource.url: " + problem
                + "（请改正该设置后再运行，本次未做任何处理 / fix this setting and run again; nothing was done）");
        assertThat(dir.resolve("data")).doesNotExist();
        assertThat(dir.resolve("output")).doesNotExist();
    }

    @Test
    void anEmptyDropBoxIsANormalRun() {
        assertThat(Main.execute(folders("run", "--input", Installation.input(dir).toString()))).isZero();
        assertThat(console.out()).contains("本次收到 0 个文件");
        assertThat(console.err()).isEmpty();
    }

    @Test
    void aPeriodNotBegunIsRefusedBeforeTheDatabaseIsOpened() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String next = YearMonth.from(today).plusMonths(1).toString();
        assertUsageError(Main.execute(folders("report", "--period", next)),
                "统计期 " + next + " 尚未开始（Asia/Shanghai 今天是 " + today + "），无法生成简报，本次未做任何处理"
                        + " / the period " + next + " has not begun (" + today + " today in Asia/Shanghai); nothing was done");
        assertUsageError(Main.execute(folders("report", "--period", "2030-01")),
                "统计期 2030-01 尚未开始（Asia/Shanghai 今天是 " + today + "），无法生成简报，本次未做任何处理"
                        + " / the period 2030-01 has not begun (" + today + " today in Asia/Shanghai); nothing was done");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void aPeriodWithoutAnySubmissionIsRefusedAndNothingWritten() throws IOException {
        String refused = "数据库中没有统计期 2019-05 的任何报送，无法生成简报，本次未写出任何文件（请检查统计期是否写错，或先运行 run 处理该期的工作簿）"
                + "/ the database holds no submission for 2019-05; nothing was written (check the period, or run the period's workbooks first)";
        // a new installation: said before data/ is created
        assertUsageError(Main.execute(folders("report", "--period", "2019-05")), refused);
        assertThat(dir.resolve("data")).doesNotExist();
        assertThat(dir.resolve("output")).doesNotExist();

        Installation.drop(dir, TestWorkbook.valid(), "直溪镇-2020-11.xlsx");
        assertThat(Main.execute(folders("run", "--input", dir.resolve("input").toString()))).isZero();
        console.reset();

        assertUsageError(Main.execute(folders("report", "--period", "2019-05")), refused);
        assertThat(dir.resolve("output/briefings/2019-05")).doesNotExist();
        assertThat(Main.execute(folders("report", "--period", "2020-11"))).isZero();
    }

    /** Only rejected workbooks: rendered, since who reported and who was rejected is what the briefing shows. */
    @Test
    void aPeriodWithOnlyRejectedSubmissionsIsRendered() throws IOException {
        String bad = TestWorkbook.CODE_B.substring(0, 17) + (TestWorkbook.CODE_B.charAt(17) == '0' ? '1' : '0');
        Installation.drop(dir, TestWorkbook.valid().set(cn.jintan.quality.domain.SubmissionSheet.QUALITY, 1,
                "统一社会信用代码", bad), "直溪镇-2020-11.xlsx");
        assertThat(Main.execute(folders("run", "--input", dir.resolve("input").toString()))).isZero();
        assertThat(console.out()).contains("退回 1 个");
        Path pdf = dir.resolve("output/briefings/2020-11/briefing-2020-11.pdf");
        Files.deleteIfExists(pdf);

        assertThat(Main.execute(folders("report", "--period", "2020-11"))).isZero();
        assertThat(console.out()).contains("已重新生成 2020-11 的简报（0/13 个单位已通过）");
        assertThat(pdf).isRegularFile();
    }

    @Test
    void helpIsInTheCatalogueAndShowsTheCommandUsersType() {
        assertThat(Main.execute("--help")).isZero();
        assertThat(console.out()).contains("用法 / Usage: java -jar quality-briefing.jar [-h] [COMMAND]",
                "选项 / Options:", "命令 / Commands:", "显示某个命令的帮助。 / Show the help of a command.");
        for (String command : new String[]{"run", "schedule", "report", "template", "samples", "rebuild", "help"}) {
            console.reset();
            assertThat(Main.execute(command, "--help")).as(command).isZero();
            assertThat(console.out()).as(command).contains("用法 / Usage: java -jar quality-briefing.jar " + command + " [-h]",
                    "选项 / Options:", "退出码 / Exit status");
            // none of picocli's English headings or texts
            assertThat(console.out().lines()).as(command)
                    .noneMatch(l -> l.startsWith("Usage:") || l.startsWith("Options:") || l.startsWith("Commands:")
                            || l.startsWith("Parameters:") || l.contains("When no COMMAND") || l.contains("Show usage help"));
        }
    }

    @Test
    void templateAndSamplesListOnlyTheOptionsTheyUse() {
        for (String command : new String[]{"template", "samples"}) {
            console.reset();
            assertThat(Main.execute(command, "--help")).isZero();
            assertThat(console.out()).as(command).contains("--jobs=DIR", "--out=")
                    .doesNotContain("--input", "--output", "--data");
        }
        console.reset();
        assertUsageError(Main.execute("template", "--out", dir.resolve("t.xlsx").toString(), "--input", "x"),
                "没有 --input 这个选项 / unknown option --input", hint("template"));
    }
}
