package cn.jintan.quality.job;

import cn.jintan.quality.config.JobsFiles;
import cn.jintan.quality.domain.UnitRegistry;
import cn.jintan.quality.store.StoredSubmission;
import cn.jintan.quality.store.SubmissionStatus;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** What could not be read is said so, in the terminal's Chinese and the log's English: never "null". */
class ProgressTest {

    private static final UnitRegistry REGISTRY = JobsFiles.units(Path.of("jobs"));

    private static StoredSubmission stored(String unit, String period, Integer version) {
        return new StoredSubmission(1, "模板.xls", "ab".repeat(32), unit, period, version, SubmissionStatus.REJECTED,
                OffsetDateTime.parse("2020-12-02T01:59:30+08:00"), null, null, "run", 0, 0, 0);
    }

    @Test
    void aFileOfKnownUnitAndPeriodNamesBoth() {
        assertThat(Progress.where(stored("zhixi", "2020-11", 2), REGISTRY)).isEqualTo("直溪镇 2020-11 第2版");
        assertThat(Progress.logWhere(stored("zhixi", "2020-11", 2))).isEqualTo("unit zhixi, period 2020-11, version 2");
    }

    @Test
    void whatCouldNotBeReadIsSaidSo() {
        assertThat(Progress.where(stored(null, null, null), REGISTRY)).isEqualTo("单位和统计期未能识别");
        assertThat(Progress.where(stored("zhixi", null, null), REGISTRY)).isEqualTo("直溪镇 统计期未能识别");
        assertThat(Progress.where(stored(null, "2020-11", null), REGISTRY)).isEqualTo("单位未能识别 2020-11");
        assertThat(Progress.logWhere(stored(null, null, null))).isEqualTo("unit unknown, period unknown, no version")
                .doesNotContain("null");
    }
}
