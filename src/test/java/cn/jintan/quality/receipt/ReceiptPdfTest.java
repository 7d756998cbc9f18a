package cn.jintan.quality.receipt;

import cn.jintan.quality.store.SubmissionStatus;
import cn.jintan.quality.validation.Issue;
import cn.jintan.quality.validation.Severity;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReceiptPdfTest {

    static final ReceiptPdf PDF = new ReceiptPdf("金坛区市场监督管理局",
            Clock.fixed(Instant.parse("2020-12-02T18:00:04Z"), ZoneId.of("Asia/Shanghai")));

    static final Issue WARNING = new Issue(Severity.WARNING, "cover.bad_phone", "封面", "B6", 6, "联系电话", "8234",
            "封面联系电话\"8234\"（B6单元格）格式不正确。请填写11位手机号码，或\"0519-82xxxxxx\"格式的固定电话。");
    static final Issue CHECKSUM = new Issue(Severity.ERROR, "uscc.checksum", "质量提升", "C4", 4, "统一社会信用代码",
            "91320482MA1Q0A0B2X", "质量提升第4行企业\"江苏直溪机械有限公司\"的统一社会信用代码\"91320482MA1Q0A0B2X\"（C4单元格）校验位错误，可能有字符填错。请对照营业执照核对后重新填写。");
    static final Issue MISSING = new Issue(Severity.ERROR, "sheet.missing", "减费让利", null, null, null, "",
            "缺少工作表\"减费让利\"。请使用报送模板，保留\"封面\"\"质量提升\"\"融资助企\"\"减费让利\"四个工作表，且不要改名。");
    static final Issue FORMULA_LIKE = new Issue(Severity.ERROR, "cell.type", "融资助企", "F5", 5, "融资金额（万元）",
            "=1+2", "融资助企第5行\"融资金额（万元）\"（F5单元格）的值\"=1+2\"不是数字。请只填写数字，不要带单位或文字。");

    static Receipt receipt(SubmissionStatus status, List<Issue> issues) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("质量提升", 14);
        counts.put("融资助企", 9);
        counts.put("减费让利", 5);
        return new Receipt("儒林镇-2020-11.xlsx", "ab".repeat(32), OffsetDateTime.parse("2020-12-02T01:59:30+08:00"),
                "儒林镇", "rulin", "2020-11", 2, status, null,
                status == SubmissionStatus.DUPLICATE ? new Receipt.Original("儒林镇-2020-11(旧).xlsx", "cd".repeat(32)) : null,
                counts, issues);
    }

    static String compact(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        }
    }

    @Test
    void rejectedReceiptSaysSoInWordsAndListsEveryProblemErrorsFirst() throws IOException {
        byte[] pdf = PDF.render(receipt(SubmissionStatus.REJECTED, List.of(WARNING, CHECKSUM, MISSING, FORMULA_LIKE)));
        String text = compact(pdf);
        assertThat(text).contains("报送回执", "儒林镇-2020-11.xlsx", "儒林镇", "2020年11月", "第2版", "2020-12-0201:59:30",
                "退回", "有3处错误", "请按下表逐条修改", "重新报送整个工作簿",
                "质量提升14行", "融资助企9行", "减费让利5行", "错误3条，提示1条");
        // every problem with its cell, row, column, value and message; formula-like values as plain text
        assertThat(text).contains("C4", "91320482MA1Q0A0B2X", "质量提升第4行企业\"江苏直溪机械有限公司\"的统一社会信用代码",
                "缺少工作表\"减费让利\"", "F5", "=1+2", "联系电话", "8234");
        // errors first, the warning (提示) last
        assertThat(text.indexOf("校验位错误")).isLessThan(text.indexOf("格式不正确"));
        assertThat(text.indexOf("不是数字")).isLessThan(text.indexOf("格式不正确"));
        assertThat(text).contains("提示");
        assertThat(text).contains("生成时间：2020-12-0302:00:04", "第1页共1页");
    }

    @Test
    void everyStatusHasItsWordAndWhatToDo() throws IOException {
        assertThat(compact(PDF.render(receipt(SubmissionStatus.ACCEPTED, List.of()))))
                .contains("通过", "已计入全区统计", "无需再做处理", "未发现问题");
        assertThat(compact(PDF.render(receipt(SubmissionStatus.ACCEPTED, List.of(WARNING)))))
                .contains("通过", "有1条提示", "错误0条，提示1条");
        assertThat(compact(PDF.render(receipt(SubmissionStatus.DUPLICATE, List.of()))))
                .contains("重复", "儒林镇-2020-11(旧).xlsx", "内容完全相同", "无需处理");
        assertThat(compact(PDF.render(receipt(SubmissionStatus.SUPERSEDED, List.of()))))
                .contains("已被新版本替代", "更新的版本", "以新版本为准");
    }

    @Test
    void unknownUnitAndPeriodReadAsNotRecognised() throws IOException {
        Receipt r = new Receipt("新建 Microsoft Excel 工作表.xlsx", "ef".repeat(32), OffsetDateTime.parse("2020-12-02T01:59:30+08:00"),
                null, null, null, null, SubmissionStatus.REJECTED, null, null, Map.of(), List.of(MISSING));
        assertThat(compact(PDF.render(r))).contains("新建MicrosoftExcel工作表.xlsx", "未能识别", "退回");
    }

    @Test
    void longIssueListsRunOverPagesWithTheFontEmbedded() throws IOException {
        List<Issue> many = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            many.add(new Issue(Severity.ERROR, "cell.required", "质量提升", "D" + (i + 4), i + 4, "所属产业", "",
                    "质量提升第" + (i + 4) + "行\"所属产业\"（D" + (i + 4) + "单元格）为空，请填写。"));
        }
        byte[] pdf = PDF.render(receipt(SubmissionStatus.REJECTED, many));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
            for (PDPage page : doc.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                }
            }
            String last = new PDFTextStripper() {{ setStartPage(doc.getNumberOfPages()); }}.getText(doc).replaceAll("\\s+", "");
            // the column header repeats on the following pages
            assertThat(last).contains("说明及修改方法", "D83");
        }
    }

    @Test
    void anAcceptedReceiptShowsWhatWasCountedBeforeTheIssues() throws IOException {
        Map<cn.jintan.quality.domain.Indicator, java.math.BigDecimal> totals = new LinkedHashMap<>();
        totals.put(cn.jintan.quality.domain.Indicator.ENTERPRISES_REPORTED, new java.math.BigDecimal("14"));
        totals.put(cn.jintan.quality.domain.Indicator.FINANCING_AMOUNT, new java.math.BigDecimal("1234.50"));
        Receipt base = receipt(SubmissionStatus.ACCEPTED, List.of(WARNING));
        Receipt r = new Receipt(base.file(), base.sha256(), base.receivedAt(), base.unit(), base.unitCode(), base.period(),
                base.version(), base.status(), null, null, base.counts(), base.issues(), totals, null, null);
        byte[] pdf = PDF.render(r);
        String text = compact(pdf);

        assertThat(text).contains("计入统计的数据（请与本单位台账核对）：填报企业数14家；帮助市场主体融资1234.50万元。");
        assertThat(text.indexOf("质量提升14行")).isLessThan(text.indexOf("计入统计的数据"));
        assertThat(text.indexOf("计入统计的数据")).isLessThan(text.indexOf("问题清单"));
        // without totals (any file not accepted) the line is left out
        assertThat(compact(PDF.render(base))).doesNotContain("计入统计的数据").contains("问题清单");
    }

    @Test
    void eachVersionNamesTheOneItReplacedAndTheOneThatReplacedIt() throws IOException {
        Receipt base = receipt(SubmissionStatus.SUPERSEDED, List.of());
        Receipt.Version v1 = new Receipt.Version(1, "01".repeat(32), "儒林镇11月.xlsx", OffsetDateTime.parse("2020-12-01T09:15:00+08:00"));
        Receipt.Version v3 = new Receipt.Version(3, "03".repeat(32), "儒林镇11月（改）.xlsx", OffsetDateTime.parse("2020-12-03T10:00:00+08:00"));
        Receipt r = new Receipt(base.file(), base.sha256(), base.receivedAt(), base.unit(), base.unitCode(), base.period(),
                base.version(), base.status(), v3.sha256(), null, base.counts(), base.issues(), Map.of(), v1, v3);
        String text = compact(PDF.render(r));

        assertThat(text).contains("本版替代第1版（儒林镇11月.xlsx，2020-12-0109:15:00收到）。",
                "已被第3版（儒林镇11月（改）.xlsx）替代。");
        assertThat(text.indexOf("本版替代")).isLessThan(text.indexOf("质量提升14行"));
        // a first version that nothing replaced says neither
        assertThat(compact(PDF.render(receipt(SubmissionStatus.ACCEPTED, List.of())))).doesNotContain("本版替代", "已被第");
    }
}
