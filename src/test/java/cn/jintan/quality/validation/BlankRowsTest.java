package cn.jintan.quality.validation;

import cn.jintan.quality.messages.Messages;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BlankRowsTest {

    private final Messages messages = Messages.catalogue();

    @Test
    void onlyBlankRowsWithDataBelowThemCount() {
        BlankRows blanks = new BlankRows();
        blanks.add(4, 4);
        blanks.dataFollows();
        blanks.add(8, 8);
        blanks.add(9, 11); // one run with the row above
        blanks.dataFollows();
        blanks.add(20, 999_999); // the formatted tail of the used range: no data below

        assertThat(blanks.any()).isTrue();
        assertThat(blanks.firstRowNumber()).isEqualTo(5);
        assertThat(blanks.count()).isEqualTo(5);
        assertThat(blanks.listed(messages)).isEqualTo("5、9至12");
    }

    @Test
    void nothingBeforeTheFirstDataRowWasSeenIsNoNews() {
        BlankRows blanks = new BlankRows();
        blanks.add(2, 40);
        assertThat(blanks.any()).isFalse();
    }

    @Test
    void aLongListStopsAfterTwentyRunsButCountsThemAll() {
        BlankRows blanks = new BlankRows();
        for (int i = 0; i < 30; i++) {
            blanks.add(10 + 2 * i, 10 + 2 * i);
            blanks.dataFollows();
        }
        String listed = blanks.listed(messages);
        assertThat(listed).startsWith("11、13、15").endsWith("49等").doesNotContain("51");
        assertThat(blanks.count()).isEqualTo(30);
    }
}
