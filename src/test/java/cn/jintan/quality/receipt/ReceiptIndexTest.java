package cn.jintan.quality.receipt;

import cn.jintan.quality.domain.Unit;
import cn.jintan.quality.domain.UnitRegistry;
import cn.jintan.quality.job.NightlyRun;
import cn.jintan.quality.testing.Installation;
import cn.jintan.quality.testing.InstallationRoot;
import cn.jintan.quality.testing.PipelineTest;
import cn.jintan.quality.testing.TestWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static cn.jintan.quality.domain.SubmissionSheet.QUALITY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * output/receipts/2020-11/报送情况.html read back after runs with accepted, rejected, superseded and
 * duplicate files: every unit of the registry in registry order with its latest status, and links
 * that lead to the receipts on disk.
 */
@PipelineTest
class ReceiptIndexTest {

    @InstallationRoot
    static Path root;

    @Autowired
    NightlyRun nightlyRun;

    @Autowired
    UnitRegistry registry;

    /** A row of one of the page's tables: unit code, status, cells' text, link targets. */
    private record Row(String unit, String status, List<String> cells, List<String> links) {
    }

    private static final Pattern ROW = Pattern.compile("<tr data-unit=\"([^\"]+)\" data-status=\"([^\"]+)\"[^>]*>(.*?)</tr>");
    private static final Pattern CELL = Pattern.compile("<td>(.*?)</td>");
    private static final Pattern LINK = Pattern.compile("href=\"([^\"]+)\"");

    @Test
    void everyUnitIsListedInRegistryOrderWithItsLatestStatusAndLinksToItsReceipts() throws Exception {
        Installation.drop(root, TestWorkbook.valid(), "直溪镇-2020-11.xlsx");
        String bad = TestWorkbook.CODE_B.substring(0, 17) + (TestWorkbook.CODE_B.charAt(17) == '0' ? '1' : '0');
        Installation.drop(root, TestWorkbook.valid().cover("填报单位", "儒林镇").set(QUALITY, 1, "统一社会信用代码", bad),
                "儒林镇<报表>.xlsx");
        Installation.drop(root, TestWorkbook.valid().cover("填报单位", "金城镇"), "金城镇-2020-11.xlsx");
        nightlyRun.run();
        Path page = root.resolve("output/receipts/2020-11/报送情况.html");
        assertThat(page).isRegularFile();
        String first = Files.readString(page);
        assertThat(rows(first, "units")).extracting(Row::status).containsExactly(
                "accepted", "rejected", "accepted", "none", "none", "none", "none", "none", "none", "none", "none", "none", "none");
        // the rejected unit is counted apart: it has sent, but must act before anything is counted
        assertThat(first).contains("共 13 个单位：已有通过版本 2 个，已报送但尚无通过版本 1 个（请按回执修改后重新报送），未报送 10 个。");

        // zhixi sends a second version (supersedes v1), then the same bytes again (duplicate)
        Path second = TestWorkbook.valid().cover("填报人", "李明").write(root.resolve("second.xlsx"));
        Installation.settle(Files.copy(second, Installation.input(root).resolve("直溪镇-2020-11-第二版.xlsx")));
        nightlyRun.run();
        Installation.settle(Files.copy(second, Installation.input(root).resolve("直溪镇-2020-11-再发一次.xlsx")));
        nightlyRun.run();

        String html = Files.readString(page);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<meta charset=\"utf-8\">", "2020年11月报表 各单位报送情况");
        // a file name is text, never markup
        assertThat(html).contains("儒林镇&lt;报表&gt;.xlsx").doesNotContain("<报表>");
        List<Row> units = rows(html, "units");
        assertThat(units).extracting(Row::unit).containsExactlyElementsOf(registry.units().stream().map(Unit::code).toList());
        Row jincheng = units.get(0);
        assertThat(jincheng.cells()).containsSequence("1", "金城镇", "已通过", "第1版", "金城镇-2020-11.xlsx");
        Row rulin = units.get(1);
        assertThat(rulin.status()).isEqualTo("rejected");
        assertThat(rulin.cells()).containsSequence("儒林镇", "已退回", "第1版", "儒林镇&lt;报表&gt;.xlsx");
        assertThat(rulin.cells().get(6)).isEqualTo("无"); // no version counts
        assertThat(rulin.links()).containsExactly("rulin-2020-11-v1.pdf", "rulin-2020-11-v1.annotated.xlsx");
        Row zhixi = units.get(2);
        assertThat(zhixi.status()).isEqualTo("duplicate"); // the latest file: the re-sent copy
        assertThat(zhixi.cells()).containsSequence("直溪镇", "重复报送", "第2版", "直溪镇-2020-11-再发一次.xlsx");
        assertThat(zhixi.cells().get(6)).isEqualTo("第2版");
        assertThat(units.subList(3, 13)).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo("none");
            assertThat(r.cells().get(2)).isEqualTo("未报送");
            assertThat(r.links()).isEmpty();
        });
        // every file of the period below, zhixi's three newest first
        List<Row> files = rows(html, "files");
        assertThat(files).filteredOn(r -> r.unit().equals("zhixi")).extracting(Row::status)
                .containsExactly("duplicate", "accepted", "superseded");
        assertThat(files).hasSize(5);
        for (Row row : files) {
            for (String link : row.links()) {
                assertThat(page.resolveSibling(link)).as(link).isRegularFile();
            }
        }
        assertThat(files).filteredOn(r -> r.unit().equals("zhixi")).extracting(r -> r.links().get(0))
                .containsExactly("zhixi-2020-11-v2-dup5.pdf", "zhixi-2020-11-v2.pdf", "zhixi-2020-11-v1.pdf");
        // written atomically: no temporary file left beside it
        try (var entries = Files.list(page.getParent())) {
            assertThat(entries.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    private static List<Row> rows(String html, String table) {
        int start = html.indexOf("<table id=\"" + table + "\">");
        String body = html.substring(start, html.indexOf("</table>", start));
        List<Row> rows = new ArrayList<>();
        Matcher row = ROW.matcher(body);
        while (row.find()) {
            List<String> cells = new ArrayList<>();
            Matcher cell = CELL.matcher(row.group(3));
            while (cell.find()) {
                cells.add(cell.group(1).replaceAll("<[^>]+>", ""));
            }
            List<String> links = new ArrayList<>();
            Matcher link = LINK.matcher(row.group(3));
            while (link.find()) {
                links.add(link.group(1));
            }
            rows.add(new Row(row.group(1), row.group(2), cells, links));
        }
        return rows;
    }
}
