package cn.jintan.quality.domain;

import java.util.List;
import java.util.Optional;

/**
 * The table sheets of the submission workbook and their columns: a mirror of
 * {@code submission-workbook.md}. Validation, storage, samples and the template all read this table.
 */
public enum SubmissionSheet {
    QUALITY("质量提升", "quality_row", List.of(
            Column.text("enterprise_name", "企业名称", List.of("单位名称", "市场主体名称"), true, 2, 100),
            Column.uscc("uscc", "统一社会信用代码", List.of("社会信用代码", "信用代码")),
            Column.choice("industry", "所属产业", Industry.class, true, null),
            Column.yesNo("key_enterprise", "重点企业"),
            Column.yesNo("cqo", "首席质量官"),
            Column.integer("std_international", "国际标准", false, 0, 1000),
            Column.integer("std_national", "国家标准", false, 0, 1000),
            Column.integer("std_industry", "行业标准", false, 0, 1000),
            Column.integer("std_local", "地方标准", false, 0, 1000),
            Column.integer("std_group", "团体标准", false, 0, 1000),
            Column.integer("pilot_national", "国家级标准化试点", false, 0, 100),
            Column.integer("pilot_provincial", "省级标准化试点", false, 0, 100),
            Column.choice("award", "质量奖申报", AwardApplication.class, false, AwardApplication.NONE),
            Column.choice("credit_level", "质量信用等级申报", CreditLevel.class, false, CreditLevel.NONE),
            Column.yesNo("jiangsu_boutique", "江苏精品"),
            Column.yesNo("standard_leader", "标准领跑者"),
            Column.text("remark", "备注", List.of(), false, 0, 500))),

    FINANCING("融资助企", "financing_row", List.of(
            Column.text("enterprise_name", "市场主体名称", List.of("企业名称", "单位名称"), true, 2, 100),
            Column.uscc("uscc", "统一社会信用代码", List.of("社会信用代码", "信用代码")),
            Column.choice("registration_type", "登记类型", RegistrationType.class, true, null),
            Column.integer("registrations", "登记件数", true, 1, 10_000),
            Column.decimal("amount", "融资金额（万元）", true, 10_000_000),
            Column.date("registration_date", "登记日期", true),
            Column.text("remark", "备注", List.of(), false, 0, 500))),

    FEES("减费让利", "fee_row", List.of(
            Column.choice("item", "项目", FeeItem.class, true, null),
            Column.decimal("amount", "金额（万元）", false, 10_000_000),
            Column.integer("beneficiaries", "惠及市场主体（户）", false, 0, 10_000_000)));

    /** The cover sheet's name; its fields are label/value pairs, see {@link CoverField}. */
    public static final String COVER = "封面";

    private final String sheetName;
    private final String table;
    private final List<Column> columns;

    SubmissionSheet(String sheetName, String table, List<Column> columns) {
        this.sheetName = sheetName;
        this.table = table;
        this.columns = List.copyOf(columns);
    }

    public String sheetName() {
        return sheetName;
    }

    /** The database table holding this sheet's rows. */
    public String table() {
        return table;
    }

    public List<Column> columns() {
        return columns;
    }

    public List<Column> requiredColumns() {
        return columns.stream().filter(Column::required).toList();
    }

    public Optional<Column> column(String field) {
        return columns.stream().filter(c -> c.field().equals(field)).findFirst();
    }

    public int indexOf(String field) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).field().equals(field)) {
                return i;
            }
        }
        throw new IllegalArgumentException(field);
    }

    /** All four required sheet names, cover first. */
    public static List<String> requiredSheetNames() {
        return List.of(COVER, QUALITY.sheetName, FINANCING.sheetName, FEES.sheetName);
    }
}
