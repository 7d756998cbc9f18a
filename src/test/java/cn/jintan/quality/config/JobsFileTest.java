package cn.jintan.quality.config;

import cn.jintan.quality.cli.Main;
import cn.jintan.quality.domain.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobsFileTest {

    @TempDir
    Path dir;

    private Path conf(String text) throws IOException {
        Files.writeString(dir.resolve(JobsFile.FILE_NAME), text);
        return dir;
    }

    @Test
    void theBundledFileIsValidAndSetsTheDefaults() {
        assertThat(JobsFile.load(Path.of("jobs")))
                .containsEntry("qb.schedule-cron", "0 0 2 * * *")
                .containsEntry("qb.zone", "Asia/Shanghai")
                .containsEntry("qb.max-file-megabytes", "20")
                .containsEntry("qb.issuer", "金坛区市场监督管理局");
    }

    @Test
    void noFileMeansDefaults() {
        assertThat(JobsFile.load(dir)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "schedule.cron = every night at two | 2 | 'schedule.cron' must be a cron expression",
            "zone = Beijing                      | 2 | 'zone' must be a time zone",
            "limits.max-file-mb = 0              | 2 | must be a whole number from 1 to 1024",
            "limits.max-file-mb = 20MB           | 2 | must be a whole number from 1 to 1024",
            "briefing.title = 简报               | 2 | unknown setting 'briefing.title'",
            "schedule.cron 0 0 2 * * *           | 2 | expected 'key = value'",
            "zone = Asia/Shanghai\\nzone = UTC    | 3 | 'zone' is already set on line 2",
    })
    void aBadLineIsNamedWithItsFileAndLine(String line, int lineNo, String problem) throws IOException {
        Path jobs = conf("# comment\n" + line.replace("\\n", "\n") + "\n");
        assertThatThrownBy(() -> JobsFile.load(jobs))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("pipeline.conf:" + lineNo)
                .hasMessageContaining(problem);
    }

    @Test
    void badConfigurationExitsWith2BeforeTouchingData() throws IOException {
        Path jobs = conf("schedule.cron = 25 * * * *\n");
        Files.copy(Path.of("jobs/units.tsv"), jobs.resolve("units.tsv"));
        Path data = dir.resolve("data");
        int status = Main.execute("run", "--jobs", jobs.toString(), "--data", data.toString(),
                "--input", dir.resolve("in").toString(), "--output", dir.resolve("out").toString());
        assertThat(status).isEqualTo(Main.USAGE);
        assertThat(data).doesNotExist();
        assertThat(dir.resolve("out")).doesNotExist();
    }
}
