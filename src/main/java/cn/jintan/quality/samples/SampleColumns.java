package cn.jintan.quality.samples;

import cn.jintan.quality.domain.Column;
import cn.jintan.quality.domain.SubmissionSheet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The table columns as a unit's staff lay them out: their order, header spelling and width. */
final class SampleColumns {

    /** Where a staff member breaks the long headers with Alt+Enter to keep the columns narrow. */
    private static final Map<String, String> HEADER_BREAKS = Map.of(
            "统一社会信用代码", "统一社会\n信用代码",
            "国家级标准化试点", "国家级\n标准化试点",
            "省级标准化试点", "省级\n标准化试点",
            "质量信用等级申报", "质量信用\n等级申报",
            "市场主体名称", "市场主体\n名称");

    private SampleColumns() {
    }

    /** One unit puts the code first, the industry later and the date first: the pipeline matches by header. */
    static List<Column> columnOrder(SubmissionSheet kind, UnitStyle style) {
        List<Column> columns = new ArrayList<>(kind.columns());
        if (!style.reordered()) {
            return columns;
        }
        List<String> front = switch (kind) {
            case QUALITY -> List.of("uscc", "enterprise_name", "key_enterprise", "cqo", "industry");
            case FINANCING -> List.of("registration_date", "enterprise_name", "uscc");
            case FEES -> List.of("item", "beneficiaries");
        };
        List<Column> ordered = new ArrayList<>();
        front.forEach(f -> ordered.add(kind.column(f).orElseThrow()));
        columns.stream().filter(c -> !front.contains(c.field())).forEach(ordered::add);
        return ordered;
    }


    static String headerText(SubmissionSheet kind, Column column, UnitStyle style) {
        String h = column.header();
        if (style.aliasHeaders() && kind == SubmissionSheet.QUALITY && column.field().equals("enterprise_name")) {
            h = column.aliases().get(0);
        }
        return switch (style.headers()) {
            case TEMPLATE -> h;
            case HALF_WIDTH -> h.replace('（', '(').replace('）', ')');
            case LINE_BREAKS -> h.contains("（") ? h.replace("（", "\n(").replace('）', ')')
                    : HEADER_BREAKS.getOrDefault(h, h);
        };
    }


    static int width(Column column, String header) {
        int chars = switch (column.field()) {
            case "enterprise_name" -> 30;
            case "uscc" -> 22;
            case "remark" -> 24;
            case "item" -> 14;
            case "industry" -> 18;
            case "amount" -> 18;
            case "beneficiaries" -> 20;
            default -> Math.max(8, header.lines().mapToInt(String::length).max().orElse(4) * 2 + 2);
        };
        return Math.min(255, chars) * 256;
    }
}
