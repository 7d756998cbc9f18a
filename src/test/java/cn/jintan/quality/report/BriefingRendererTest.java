package cn.jintan.quality.report;

import cn.jintan.quality.aggregate.PeriodFigures;
import cn.jintan.quality.aggregate.PeriodFigures.UnitFigures;
import cn.jintan.quality.domain.Indicator;
import cn.jintan.quality.domain.Unit;
import cn.jintan.quality.domain.UnitKind;
import cn.jintan.quality.messages.Messages;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColorN;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColorSpace;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceGrayColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceRGBColor;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BriefingRendererTest {

    static final String ISSUER = "金坛区市场监督管理局";
    static final String DISTRIBUTION = "报送：区委、区政府领导　抄送：各镇（街道、板块）";

    // Compiling the templates costs seconds: one renderer for the class, as in production.
    static BriefingRenderer renderer;

    @TempDir
    static Path dir;
    static Path pdf;

    @BeforeAll
    static void render() {
        renderer = new BriefingRenderer(new BriefingSettings(ISSUER, DISTRIBUTION, ZoneId.of("Asia/Shanghai")));
        pdf = dir.resolve("briefings/2020-11/briefing-2020-11.pdf");
        renderer.render(ReferenceFigures.figures(), LocalDate.of(2020, 12, 1), pdf);
    }

    @Test
    void leadParagraphOfTheReferenceCaseReadsLikeTheSeedArticle() {
        // 11 of the 13 units: introduced as a partial sum, never as 全区
        assertThat(renderer.leadParagraph(ReferenceFigures.figures())).isEqualTo(
                "13个单位中已报送11个，以下为已报送单位合计：至11月底，已报送单位拥有\"首席质量官\"企业75家，主导制修订国家标准46项、行业标准27项、地方标准24项；"
                        + "1-11月办理各类融资登记101件，帮助市场主体融资66.75亿元，减免涉企水、电、气费用1.064亿元，"
                        + "清退各类涉企费用360万元。");
    }

    @Test
    void firstPageCarriesMastheadLeadKeyFiguresAndStatus() throws IOException {
        String page1 = compact(text(1, 1));
        assertThat(page1).contains("金坛区质量强区工作简报2020年第11期", ISSUER, "2020年12月1日", "2020年11月");
        assertThat(page1).contains(compact(renderer.leadParagraph(ReferenceFigures.figures())));
        // key figures: a stock, a flow's month and year to date, money with 2 decimals and separators
        assertThat(page1).contains("首席质量官企业数家75", "帮助市场主体融资万元52,300.00667,500.00",
                "减免涉企水、电、气费用万元980.0010,640.00");
        assertThat(page1).contains("13个单位中11个已报送并通过审核",
                "未报送：" + ReferenceFigures.MISSING, "未通过审核：" + ReferenceFigures.REJECTED);
        assertThat(page1).doesNotContain("华罗庚高新技术产业开发区");
    }

    @Test
    void keyFiguresListEveryIndicatorOfTheDictionaryWithItsUnit() throws IOException {
        String page1 = compact(text(1, 1));
        for (Indicator indicator : Indicator.values()) {
            String label = Messages.catalogue().get("indicator." + indicator.key())
                    + Messages.catalogue().get("indicator." + indicator.key() + ".unit");
            assertThat(page1).contains(compact(label));
        }
    }

    @Test
    void namesOfUnitsMissingOrRejectedAreRedOnTheFirstPage() throws IOException {
        String red;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            RedText stripper = new RedText();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            stripper.getText(doc);
            red = stripper.red.toString();
        }
        // the masthead title is red too; the sentence around the names is not
        assertThat(red).isEqualTo("金坛区质量强区工作简报" + ReferenceFigures.MISSING + ReferenceFigures.REJECTED);
    }

    @Test
    void unitsTableFollowsWithEveryUnitAndTheDistrictTotal() throws IOException {
        String rest = compact(text(2, Integer.MAX_VALUE));
        assertThat(rest).contains("各单位主要指标", "华罗庚高新技术产业开发区", "金城镇", "长荡湖旅游度假区");
        // ranked by the year's financing; equal values keep registry order, units without data come last
        assertThat(rest.indexOf("金城镇")).isLessThan(rest.indexOf("华罗庚高新技术产业开发区"));
        assertThat(rest.indexOf("长荡湖旅游度假区")).isLessThan(rest.indexOf(ReferenceFigures.MISSING + "未报送"));
        assertThat(rest).contains(ReferenceFigures.MISSING + "未报送", ReferenceFigures.REJECTED + "未通过审核");
        // no figure for a unit without accepted data: 未报送 in each of the eight columns, never 0
        assertThat(rest).contains(ReferenceFigures.MISSING + "未报送" + "未报送".repeat(8),
                ReferenceFigures.REJECTED + "未通过审核" + "未报送".repeat(8));
        assertThat(rest).contains("11月底", "1-11月累计", "融资金额（万元）");
        // a unit row, then the district total: cqo, key, national, industry, local, registrations, amount, relief
        // ... then rank and change of rank (no previous month here: a dash)
        assertThat(rest).contains("华罗庚高新技术产业开发区已通过69422960,681.81967.2710—");
        assertThat(rest).contains("排名靠后的三个单位：长荡湖旅游度假区、华罗庚高新技术产业开发区、金坛经济开发区。");
        assertThat(rest).contains("已报送单位合计75100462724101667,500.0010,640.00");
        // "—" in the table (no ranking last month) is explained on the page
        assertThat(rest).contains("\"—\"表示上月没有排名（无可比数据）");
        assertThat(rest).contains(compact(DISTRIBUTION));
    }

    @Test
    void everyPageIsNumberedOutOfTheTotal() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            int pages = doc.getNumberOfPages();
            assertThat(pages).isGreaterThanOrEqualTo(2);
            for (int p = 1; p <= pages; p++) {
                assertThat(text(p, p)).contains("第 " + p + " 页 共 " + pages + " 页");
            }
        }
    }

    @Test
    void metadataNamesTheIssueAndTheIssuerAndSectionsAreBookmarked() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            List<String> bookmarks = new ArrayList<>();
            doc.getDocumentCatalog().getDocumentOutline().children().forEach(item -> bookmarks.add(item.getTitle()));
            assertThat(bookmarks).containsExactly("2020年11月质量强区工作情况", "一、主要指标", "二、报送情况", "三、各单位主要指标",
                    "四、\"三新一特\"产业链情况", "五、图表", "六、质量荣誉", "七、数据说明");
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("金坛区质量强区工作简报（2020年第11期）");
            assertThat(doc.getDocumentInformation().getAuthor()).isEqualTo(ISSUER);
            assertThat(doc.getDocumentInformation().getSubject()).isEqualTo("2020年11月质量强区工作情况");
        }
    }

    @Test
    void aLongTableRepeatsItsHeaderOnEveryPage(@TempDir Path other) throws IOException {
        PeriodFigures reference = ReferenceFigures.figures();
        List<UnitFigures> units = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            UnitFigures u = reference.units().get(i % reference.units().size());
            units.add(new UnitFigures(new Unit(u.unit().code() + i, u.unit().name() + i, UnitKind.TOWN, List.of()),
                    u.status(), u.figures()));
        }
        Path file = other.resolve("long.pdf");
        renderer.render(new PeriodFigures(reference.period(), reference.district(), units, List.of()),
                LocalDate.of(2020, 12, 1), file);
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            int pages = doc.getNumberOfPages();
            assertThat(pages).isGreaterThanOrEqualTo(3);
            // every page of the units table, up to the one with the district total
            int tablePages = 0;
            for (int p = 2; p <= pages; p++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                String text = compact(stripper.getText(doc));
                assertThat(text).contains("单位状态", "第" + p + "页共" + pages + "页");
                tablePages++;
                if (text.contains("合计75100")) {
                    break;
                }
            }
            assertThat(tablePages).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void everyFontIsEmbeddedSourceHanSansWithTrueTypeOutlines() throws IOException {
        List<String> names = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            for (PDPage page : doc.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    // CFF-outline CJK fonts embed but Acrobat is reported to show them blank (design notes)
                    assertThat(font).isInstanceOf(PDType0Font.class);
                    assertThat(((PDType0Font) font).getDescendantFont()).isInstanceOf(PDCIDFontType2.class);
                    names.add(font.getName());
                }
            }
        }
        // Source Han Sans as converted in the font extension calls itself Noto Sans CJK SC ("NotoSansHans")
        assertThat(names).isNotEmpty()
                .allMatch(n -> n.matches("[A-Z]{6}\\+NotoSansHans-(Regular|Medium)"), "a subset of Source Han Sans");
    }

    /** Collects the characters drawn in red (fill colour mostly red, little green and blue). */
    static final class RedText extends PDFTextStripper {
        final StringBuilder red = new StringBuilder();

        RedText() {
            addOperator(new SetNonStrokingColorSpace(this));
            addOperator(new SetNonStrokingColor(this));
            addOperator(new SetNonStrokingColorN(this));
            addOperator(new SetNonStrokingDeviceRGBColor(this));
            addOperator(new SetNonStrokingDeviceGrayColor(this));
        }

        @Override
        protected void processTextPosition(TextPosition text) {
            float[] rgb = getGraphicsState().getNonStrokingColor().getComponents();
            if (rgb.length == 3 && rgb[0] > 0.7f && rgb[1] < 0.2f && rgb[2] < 0.2f && !text.getUnicode().isBlank()) {
                red.append(text.getUnicode());
            }
            super.processTextPosition(text);
        }
    }

    private static String text(int from, int to) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(from);
            stripper.setEndPage(Math.min(to, doc.getNumberOfPages()));
            return stripper.getText(doc);
        }
    }

    // Line wrapping and table cells put breaks and spaces anywhere; compare without them.
    private static String compact(String text) {
        return text.replaceAll("\\s+", "");
    }
}
