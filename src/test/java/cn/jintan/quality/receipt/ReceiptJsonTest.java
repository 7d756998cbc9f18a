package cn.jintan.quality.receipt;

import cn.jintan.quality.JsonFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A receipt's shape, pinned: key order, the keys present only when they apply, nulls where a file
 * could not be read, money with 2 decimals and counts whole.
 */
class ReceiptJsonTest {

    private static final OffsetDateTime RECEIVED = OffsetDateTime.parse("2020-12-03T02:00:05.5+08:00");
    private static final Map<String, Integer> COUNTS = counts();

    @Test
    void anAcceptedSecondVersionShowsTotalsAndWhatItReplaces() throws IOException {
        Map<String, Number> totals = new LinkedHashMap<>();
        totals.put("enterprises_reported", 6L);
        totals.put("financing_amount", new BigDecimal("667500.00"));
        totals.put("fee_refund", new BigDecimal("2.80"));
        ReceiptJson receipt = new ReceiptJson("直溪镇-2020-11-第二版.xlsx", "b".repeat(64), RECEIVED, "直溪镇", "zhixi",
                "2020-11", 2, "accepted", null, null, null,
                new Receipt.Version(1, "a".repeat(64), "直溪镇-2020-11.xlsx", OffsetDateTime.parse("2020-12-01T09:30+08:00")),
                null, COUNTS, totals,
                List.of(new ReceiptJson.IssueJson("WARNING", "row.note", "质量提升", "A9", 9, null, "合计", "第9行是说明")));

        assertThat(json(receipt)).isEqualTo(expected("receipt-accepted.json"));
    }

    @Test
    void aDuplicateOfAnUnknownUnitHasNullsAndNoTotals() throws IOException {
        ReceiptJson receipt = new ReceiptJson("副本.xlsx", "c".repeat(64), RECEIVED, null, null, null, null, "duplicate",
                null, null, null, null, new Receipt.Original("原件.xlsx", "d".repeat(64)), COUNTS, null, List.of());

        assertThat(json(receipt)).isEqualTo(expected("receipt-duplicate.json"));
    }

    @Test
    void aSupersededVersionNamesItsSuccessor() throws IOException {
        ReceiptJson receipt = new ReceiptJson("直溪镇-2020-11.xlsx", "a".repeat(64), RECEIVED, "直溪镇", "zhixi", "2020-11", 1,
                "superseded", null, "b".repeat(64),
                new Receipt.Version(2, "b".repeat(64), "直溪镇-2020-11-第二版.xlsx", RECEIVED), null, null, COUNTS, null,
                List.of());

        assertThat(json(receipt)).isEqualTo(expected("receipt-superseded.json"));
    }

    private static String json(ReceiptJson receipt) {
        return new String(new JsonFiles().bytes(receipt), StandardCharsets.UTF_8);
    }

    private static Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("质量提升", 6);
        counts.put("融资助企", 0);
        counts.put("减费让利", 5);
        return counts;
    }

    private static String expected(String name) throws IOException {
        try (InputStream in = ReceiptJsonTest.class.getResourceAsStream("/json/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
