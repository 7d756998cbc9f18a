package cn.jintan.quality.job;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class RunSummaryTimesTest {

    @Test
    void aStartTimeStampedInTheJvmsZoneIsWrittenInThePipelinesZone() {
        // a server on UTC, the bureau on Asia/Shanghai: 09:21 UTC is 17:21 in Shanghai, not 09:21+08:00
        assertThat(RunSummaryListener.at(LocalDateTime.of(2026, 11, 29, 9, 21, 25), ZoneId.of("UTC"),
                ZoneId.of("Asia/Shanghai"))).isEqualTo("2026-11-29T17:21:25+08:00");
        assertThat(RunSummaryListener.at(LocalDateTime.of(2026, 11, 29, 17, 21), ZoneId.of("Asia/Shanghai"),
                ZoneId.of("Asia/Shanghai"))).isEqualTo("2026-11-29T17:21+08:00");
        assertThat(RunSummaryListener.at(null, ZoneId.of("UTC"), ZoneId.of("Asia/Shanghai"))).isNull();
    }
}
