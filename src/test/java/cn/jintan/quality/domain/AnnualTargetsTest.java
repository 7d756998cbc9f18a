package cn.jintan.quality.domain;

import cn.jintan.quality.config.JobsFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnnualTargetsTest {

    @TempDir
    Path jobs;

    @Test
    void theShippedFileIsValidAndSetsNoTarget() {
        assertThat(JobsFiles.targets(Path.of("jobs")).of(2020)).isEmpty();
    }

    @Test
    void theCommentedExampleLoadsWhenUncommented() throws IOException {
        String example = Files.readString(Path.of("jobs/targets.tsv")).replaceAll("(?m)^# (2020\t)", "$1");
        Files.writeString(jobs.resolve("targets.tsv"), example);
        AnnualTargets targets = JobsFiles.targets(jobs);
        assertThat(targets.of(2020, "financing_amount_ytd")).contains(new BigDecimal("800000"));
        assertThat(targets.of(2020, "cqo_enterprises")).contains(new BigDecimal("80"));
        assertThat(targets.of(2021)).isEmpty();
    }

    @Test
    void noFileMeansNoTargets() {
        assertThat(JobsFiles.targets(jobs).of(2020)).isEmpty();
    }

    @Test
    void badLinesAreNamedByFileAndLine() throws IOException {
        assertProblem("# c\n2020\tfinancing_amount\t800000\n", 2, "unknown indicator key 'financing_amount'");
        assertProblem("2020\tcqo_enterprises\tachtzig\n", 1, "target must be a number");
        assertProblem("20\tcqo_enterprises\t80\n", 1, "year must be four digits");
        assertProblem("2020\tcqo_enterprises\t0\n", 1, "greater than zero");
        assertProblem("2020 cqo_enterprises 80\n", 1, "separated by TABs");
        assertProblem("2020\tcqo_enterprises\t80\n\n2020\tcqo_enterprises\t90\n", 3, "already set on line 1");
    }

    private void assertProblem(String content, int line, String message) throws IOException {
        Files.writeString(jobs.resolve("targets.tsv"), content);
        assertThatThrownBy(() -> JobsFiles.targets(jobs))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.file().getFileName().toString()).isEqualTo("targets.tsv");
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.getMessage()).contains("targets.tsv:" + line).contains(message);
                });
    }
}
