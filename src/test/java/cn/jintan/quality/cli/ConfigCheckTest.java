package cn.jintan.quality.cli;

import cn.jintan.quality.testing.Console;
import cn.jintan.quality.testing.Installation;
import cn.jintan.quality.testing.TestWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every setting is checked before the database is opened or data/ created: a bad jobs/ file, a bad
 * system property or environment-style setting exits 2 with one line and no stack trace.
 */
class ConfigCheckTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final Console console = new Console();

    /** A copy of the repository's jobs/ to break one file of. */
    private Path jobs() throws IOException {
        Path jobs = Files.createDirectories(dir.resolve("jobs"));
        try (Stream<Path> files = Files.list(Installation.repositoryJobs())) {
            for (Path f : files.toList()) {
                Files.copy(f, jobs.resolve(f.getFileName()));
            }
        }
        return jobs;
    }

    private int run(Path jobs) {
        return Main.execute("run", "--jobs", jobs.toString(), "--input", Installation.input(dir).toString(),
                "--output", dir.resolve("output").toString(), "--data", dir.resolve("data").toString());
    }

    private void assertRefusedBeforeData(int status, String... mentions) {
        String errors = console.err();
        String all = errors + console.out();
        assertThat(status).as(all).isEqualTo(Main.USAGE);
        assertThat(dir.resolve("data")).as(all).doesNotExist();
        assertThat(dir.resolve("output")).as(all).doesNotExist();
        assertThat(errors.strip().lines()).as(all).hasSize(1);
        assertThat(errors).contains("配置错误", "configuration error").contains(mentions);
        assertThat(all).doesNotContain("\tat ", "Exception");
    }

    @Test
    void aBadRecipientExits2BeforeTheDatabaseIsCreated() throws IOException {
        Path jobs = jobs();
        Files.writeString(jobs.resolve("recipients.txt"), "# recipients\nleader@example.gov.cn\nnot an address\n");
        assertRefusedBeforeData(run(jobs), "recipients.txt", "3", "not an e-mail address");
    }

    @Test
    void aBadTargetExits2BeforeTheDatabaseIsCreated() throws IOException {
        Path jobs = jobs();
        Files.writeString(jobs.resolve("targets.tsv"), "2020\tfinancing_amount_ytd\tlots\n");
        assertRefusedBeforeData(run(jobs), "targets.tsv", "1", "target must be a number");
    }

    @Test
    void aBadCronFromOutsideTheJobsFilesExits2BeforeTheDatabaseIsCreated() throws IOException {
        // QB_SCHEDULE_CRON='not a cron' binds like this system property (Spring's relaxed binding)
        System.setProperty("qb.schedule-cron", "not a cron");
        try {
            assertRefusedBeforeData(run(jobs()), "qb.schedule-cron", "not a cron");
        } finally {
            System.clearProperty("qb.schedule-cron");
        }
    }

    @Test
    void aSettingThatIsNotEvenOfItsTypeExits2() throws IOException {
        System.setProperty("qb.zone", "Mars/Olympus");
        try {
            assertRefusedBeforeData(run(jobs()), "qb.zone", "Mars/Olympus");
        } finally {
            System.clearProperty("qb.zone");
        }
    }

    @Test
    void anUnknownRankingIndicatorExits2BeforeTheDatabaseIsCreated() throws IOException {
        System.setProperty("qb.ranking-indicator", "financing_ytd");
        try {
            assertRefusedBeforeData(run(jobs()), "qb.ranking-indicator", "financing_ytd");
        } finally {
            System.clearProperty("qb.ranking-indicator");
        }
    }

    @Test
    void aBadSettingInSpringApplicationJsonIsCheckedLikeAnyOther() throws IOException {
        // SPRING_APPLICATION_JSON='{"qb":{"backup-keep":"many"}}' is read like this system property
        System.setProperty("spring.application.json", "{\"qb\":{\"backup-keep\":\"many\"}}");
        try {
            assertRefusedBeforeData(run(jobs()), "qb.backup-keep", "many", "a whole number from 0");
        } finally {
            System.clearProperty("spring.application.json");
        }
    }

    @Test
    void aBadPipelineConfExits2WithOneLine() throws IOException {
        Path jobs = jobs();
        Files.writeString(jobs.resolve("pipeline.conf"), "zone = Asia/Shanghai\nschedule.cron = every night\n");
        assertRefusedBeforeData(run(jobs), "pipeline.conf", "2", "schedule.cron");
    }

    /** Only PostgreSQL may replace the embedded H2 file: another database's URL is a typo or a mistake. */
    @Test
    void aDatabaseUrlThatIsNotPostgresqlExits2() throws IOException {
        Path jobs = jobs();
        Files.writeString(jobs.resolve("pipeline.conf"), "zone = Asia/Shanghai\ndatabase.url = jdbc:mysql://db/quality\n");
        assertRefusedBeforeData(run(jobs), "pipeline.conf", "2", "database.url", "jdbc:postgresql:");
        console.reset();
        // SPRING_DATASOURCE_URL binds like this system property
        Files.writeString(jobs.resolve("pipeline.conf"), "zone = Asia/Shanghai\n");
        System.setProperty("spring.datasource.url", "postgres://db/quality");
        try {
            assertRefusedBeforeData(run(jobs), "spring.datasource.url", "postgres://db/quality");
        } finally {
            System.clearProperty("spring.datasource.url");
        }
    }

    @Test
    void aBadUnitContactAddressExits2WithFileAndLine() throws IOException {
        Path jobs = jobs();
        String units = Files.readString(jobs.resolve("units.tsv"));
        Files.writeString(jobs.resolve("units.tsv"), units.replace("rulin\t儒林镇\tTOWN\t儒林\n", "rulin\t儒林镇\tTOWN\t儒林\t儒林镇文书\n"));
        int line = units.lines().toList().indexOf("rulin\t儒林镇\tTOWN\t儒林") + 1;
        assertRefusedBeforeData(run(jobs), "units.tsv:" + line, "contact must be one plain e-mail address", "儒林镇文书");
    }

    @Test
    void badDaytimeIntakeSettingsExit2WithOneLine() throws IOException {
        Path jobs = jobs();
        Files.writeString(jobs.resolve("pipeline.conf"), "zone = Asia/Shanghai\nschedule.intake.every = 5m\n"
                + "schedule.intake.hours = 20:00-08:00\n");
        assertRefusedBeforeData(run(jobs), "pipeline.conf", "3", "schedule.intake.hours", "20:00-08:00");
    }

    @Test
    void aBadIntakeIntervalFromTheEnvironmentExits2() throws IOException {
        // QB_SCHEDULE_INTAKE_EVERY='5 minutes' binds like this system property
        System.setProperty("qb.schedule-intake-every", "5 minutes");
        try {
            assertRefusedBeforeData(run(jobs()), "qb.schedule-intake-every", "5 minutes");
        } finally {
            System.clearProperty("qb.schedule-intake-every");
        }
    }

    @Test
    void jobsFilesWithAByteOrderMarkAndCrLfLineEndingsAreAccepted() throws IOException {
        Path jobs = jobs();
        for (String name : new String[]{"pipeline.conf", "units.tsv", "targets.tsv", "recipients.txt"}) {
            String text = Files.readString(jobs.resolve(name), StandardCharsets.UTF_8);
            if (name.equals("pipeline.conf")) {
                text = "zone = Asia/Shanghai\n" + text.replaceAll("(?m)^zone\\s*=.*$", "");
            } else if (name.equals("targets.tsv")) {
                text = "2020\tfinancing_amount_ytd\t100000\n" + text;
            } else if (name.equals("recipients.txt")) {
                text = "leader@example.gov.cn\n" + text;
            }
            Files.writeString(jobs.resolve(name), "\uFEFF" + text.replace("\r\n", "\n").replace("\n", "\r\n"),
                    StandardCharsets.UTF_8);
        }
        Installation.settle(TestWorkbook.valid().write(Installation.input(dir).resolve("直溪镇-2020-11.xlsx")));

        int status = run(jobs);

        assertThat(status).as(console.err()).isZero();
        assertThat(dir.resolve("output/briefings/2020-11/briefing-2020-11.pdf")).isRegularFile();
    }
}
