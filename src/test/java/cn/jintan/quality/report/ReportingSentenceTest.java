package cn.jintan.quality.report;

import cn.jintan.quality.aggregate.PeriodFigures;
import cn.jintan.quality.aggregate.PeriodFigures.UnitFigures;
import cn.jintan.quality.domain.Period;
import cn.jintan.quality.domain.Unit;
import cn.jintan.quality.domain.UnitKind;
import cn.jintan.quality.messages.Messages;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReportingSentenceTest {

    private final ReportingSentence status = new ReportingSentence(Messages.catalogue());

    @Test
    void namesAreRedAndEscapedForStyledMarkup() {
        PeriodFigures figures = new PeriodFigures(Period.of(2020, 11), Map.of(), List.of(
                unit("金城镇", "accepted"), unit("A<&>区", "missing"), unit("儒林镇", "missing"),
                unit("直溪镇", "rejected")), List.of());
        assertThat(status.styled(figures)).isEqualTo("4个单位中1个已报送并通过审核。"
                + "未报送：<style forecolor=\"#D40000\">A&lt;&amp;&gt;区</style>、<style forecolor=\"#D40000\">儒林镇</style>。"
                + "未通过审核：<style forecolor=\"#D40000\">直溪镇</style>。");
    }

    @Test
    void allAcceptedIsOneSentence() {
        PeriodFigures figures = new PeriodFigures(Period.of(2020, 11), Map.of(), List.of(
                unit("金城镇", "accepted"), unit("儒林镇", "accepted")), List.of());
        assertThat(status.styled(figures)).isEqualTo("2个单位中2个已报送并通过审核。");
    }

    private static UnitFigures unit(String name, String status) {
        return new UnitFigures(new Unit(name, name, UnitKind.TOWN, List.of()), status, Map.of());
    }
}
