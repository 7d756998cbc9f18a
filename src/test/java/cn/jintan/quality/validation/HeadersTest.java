package cn.jintan.quality.validation;

import cn.jintan.quality.domain.Column;
import cn.jintan.quality.domain.SubmissionSheet;
import cn.jintan.quality.workbook.SheetRow;
import cn.jintan.quality.workbook.TestCells;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HeadersTest {

    @ParameterizedTest
    @ValueSource(strings = {"融资金额（万元）", "融资金额(万元)", "融资金额\n(万元)", " 融资 金额 ", "融资金额", "融资金额（ 万元 ）",
            "*融资金额(万元)", "融资金额\r\n（万元）"})
    void theSameHeaderHoweverItIsWritten(String header) {
        assertThat(Headers.normalise(header)).isEqualTo("融资金额");
    }

    @Test
    void fullWidthLettersBecomeHalfWidth() {
        assertThat(Headers.normalise("ＡＢＣ１２")).isEqualTo("ABC12");
    }

    @Test
    void matchesColumnsByTextInAnyOrderWithAliases() {
        SheetRow row = TestCells.row(2, Map.of(0, "序号", 1, "信用代码", 2, "所属\n产业", 3, "单位名称", 5, "不认识的列"));
        Map<Integer, Column> match = Headers.match(row, SubmissionSheet.QUALITY).orElseThrow();
        assertThat(match.get(1).field()).isEqualTo("uscc");
        assertThat(match.get(2).field()).isEqualTo("industry");
        assertThat(match.get(3).field()).isEqualTo("enterprise_name");
        assertThat(match).doesNotContainKeys(0, 5);
    }

    @Test
    void aRowWithoutEveryRequiredHeaderIsNotTheHeader() {
        SheetRow row = TestCells.row(0, Map.of(0, "企业名称", 1, "统一社会信用代码"));
        assertThat(Headers.match(row, SubmissionSheet.QUALITY)).isEmpty();
        assertThat(Headers.requiredFound(row, SubmissionSheet.QUALITY)).isEqualTo(2);
    }
}
