package cn.jintan.quality.samples;

import cn.jintan.quality.domain.Unit;

import java.util.Map;

/**
 * How the staff member of one unit fills in the workbook. Real submissions differ in small ways the
 * pipeline must accept (submission-workbook.md): old .xls, an alias on the cover, the 统计期 spelled
 * four ways, headers with half-width brackets or line breaks, columns in another order, dates typed
 * as text, 否 and 0 left blank, a 合计 row, a note under the banner.
 *
 * @param format        .xlsx or old .xls
 * @param coverUnit     what is typed as 填报单位 (the name, or a registered alias)
 * @param periodStyle   how 统计期 is written
 * @param filledBy      填报人
 * @param phone         联系电话
 * @param approvedBy    审核人, or null when left empty
 * @param filledOnDay   day of the following month the workbook was filled in
 * @param headers       how header texts are typed
 * @param reordered     columns not in the template's order
 * @param aliasHeaders  the quality sheet uses the alias 单位名称 instead of 企业名称
 * @param textDates     登记日期 typed as text {@code 2020-11-05} instead of date cells
 * @param blankForNo    否 and 0 left blank
 * @param totalsRow     a 合计 row under each table
 * @param noteRow       a note row between the banner and the header
 * @param valueColumn   cover column of the values (1 = next to the labels, 2 = one empty column between)
 */
record UnitStyle(WorkbookFormat format, String coverUnit, PeriodStyle periodStyle, String filledBy, String phone,
                 String approvedBy, int filledOnDay, HeaderStyle headers, boolean reordered, boolean aliasHeaders,
                 boolean textDates, boolean blankForNo, boolean totalsRow, boolean noteRow, int valueColumn) {

    enum PeriodStyle { DASH, CHINESE, SLASH, DATE_CELL }

    enum HeaderStyle {
        /** as the template: 融资金额（万元） */
        TEMPLATE,
        /** half-width brackets: 融资金额(万元) */
        HALF_WIDTH,
        /** line breaks in long headers: 融资金额\n(万元) */
        LINE_BREAKS
    }

    private static final WorkbookFormat X = WorkbookFormat.XLSX;
    private static final WorkbookFormat OLD = WorkbookFormat.XLS;

    // Names and numbers are invented. 薛埠镇 and 茅山旅游度假区 still use an old office suite (.xls).
    private static final Map<String, UnitStyle> STYLES = Map.ofEntries(
            Map.entry("jincheng", new UnitStyle(X, null, PeriodStyle.DASH, "王丽娟", "13915081736", "陈建国", 2,
                    HeaderStyle.TEMPLATE, false, false, false, false, true, true, 1)),
            Map.entry("rulin", new UnitStyle(X, null, PeriodStyle.CHINESE, "张敏", "0519-82561234", "李志强", 3,
                    HeaderStyle.TEMPLATE, true, false, false, false, false, false, 1)),
            Map.entry("zhixi", new UnitStyle(X, null, PeriodStyle.SLASH, "刘婷", "13806125873", "周永军", 1,
                    HeaderStyle.HALF_WIDTH, false, false, false, false, false, true, 1)),
            Map.entry("zhulin", new UnitStyle(X, null, PeriodStyle.DATE_CELL, "吴晓燕", "15189736042", "徐卫东", 2,
                    HeaderStyle.TEMPLATE, false, false, true, false, false, false, 2)),
            Map.entry("xuebu", new UnitStyle(OLD, null, PeriodStyle.DASH, "孙静", "0519-82731056", "朱国平", 4,
                    HeaderStyle.TEMPLATE, false, false, false, true, false, false, 1)),
            Map.entry("zhiqian", new UnitStyle(X, null, PeriodStyle.CHINESE, "马春梅", "13775268814", "胡建华", 3,
                    HeaderStyle.HALF_WIDTH, false, false, false, false, false, false, 1)),
            Map.entry("dongcheng", new UnitStyle(X, null, PeriodStyle.DASH, "汤晓琳", "18961213579", "蒋立新", 2,
                    HeaderStyle.LINE_BREAKS, false, false, false, false, true, false, 1)),
            Map.entry("xicheng", new UnitStyle(X, null, PeriodStyle.SLASH, "丁雅琴", "0519-82836617", null, 1,
                    HeaderStyle.TEMPLATE, false, false, false, false, false, false, 1)),
            Map.entry("yaotang", new UnitStyle(X, null, PeriodStyle.DATE_CELL, "于海燕", "13685258190", "潘振华", 4,
                    HeaderStyle.TEMPLATE, false, false, true, false, false, true, 1)),
            Map.entry("jtedz", new UnitStyle(X, "开发区", PeriodStyle.CHINESE, "袁梦洁", "13961428807", "史文斌", 2,
                    HeaderStyle.TEMPLATE, false, false, false, false, true, true, 1)),
            Map.entry("hlghitech", new UnitStyle(X, "金科园", PeriodStyle.DASH, "葛晓雯", "0519-82199523", "殷志刚", 3,
                    HeaderStyle.TEMPLATE, false, true, false, false, false, true, 1)),
            Map.entry("maoshan", new UnitStyle(OLD, null, PeriodStyle.DATE_CELL, "彭丽", "15961172265", "储建平", 2,
                    HeaderStyle.TEMPLATE, false, false, false, true, false, false, 2)),
            Map.entry("changdanghu", new UnitStyle(X, null, PeriodStyle.SLASH, "邵佳慧", "18015003921", "赵国强", 3,
                    HeaderStyle.HALF_WIDTH, false, false, false, false, true, false, 1)));

    static UnitStyle of(Unit unit) {
        UnitStyle style = STYLES.get(unit.code());
        if (style == null) {
            throw new IllegalArgumentException("no sample style for unit " + unit.code() + " (" + unit.name() + ")");
        }
        return style;
    }

    /** 填报单位 as typed on the cover. */
    String coverUnit(Unit unit) {
        return coverUnit == null ? unit.name() : coverUnit;
    }
}
