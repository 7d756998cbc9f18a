package cn.jintan.quality.job;

import cn.jintan.quality.JsonFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The run record's shape, pinned: key order, the sheets' names as keys, nulls where nothing is known. */
class RunRecordTest {

    @Test
    void aRunRecordHasTheShapeOfTheContract() throws IOException {
        RunRecord record = new RunRecord("20201203-020000-000", "nightly", "2020-12-03T02:00+08:00",
                OffsetDateTime.parse("2020-12-03T02:01:30.250+08:00"), "completed", 1,
                new RunRecord.FileCounts(4, 1, 1, 1, 1, 1), new RunRecord.RowsRead(6, 0, 5), List.of("2020-11"),
                List.of(new RunRecord.DeliveryJson("2020-11", "leader@example.cn", "failed", 2, "550 mailbox full")),
                List.of(new RunRecord.ReceiptMailJson(null, null, null, null, "zhixi@example.cn", "sent", 1, null)),
                List.of(new RunRecord.Quarantined("坏文件.xlsx", "e".repeat(64), OffsetDateTime.parse("2020-12-03T02:00:10+08:00"),
                        "/srv/qb/data/quarantine/eeeeeeeeeeeeeeee/坏文件.xlsx", null, null,
                        new RunRecord.ErrorJson("java.lang.IllegalStateException", "boom", null))),
                List.of(new RunRecord.Skipped(".~lock.xlsx", "hidden", null)),
                List.of("java.lang.RuntimeException: disk full"));

        String json = new String(new JsonFiles().bytes(record), StandardCharsets.UTF_8);

        try (InputStream in = RunRecordTest.class.getResourceAsStream("/json/run.json")) {
            assertThat(json).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
