package cn.jintan.quality.template;

import cn.jintan.quality.cli.Main;
import cn.jintan.quality.domain.SubmissionSheet;
import cn.jintan.quality.domain.Uscc;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The template printed as an office clerk would, by LibreOffice (skipped where it is not
 * installed): 80 enterprises in 质量提升 run over several landscape A4 pages, each with the header
 * row, and the data prints at a readable size. The PDFs stay in {@code target/template-print/}
 * for a person to look at.
 */
class TemplatePrintTest {

    private static final int ENTERPRISES = 80;

    @TempDir
    Path dir;

    private static boolean libreOfficeInstalled() {
        return Files.isExecutable(Path.of("/usr/bin/soffice"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void aFilledTemplatePrintsLegiblyOnA4WithTheHeaderOnEveryPage(String extension) throws Exception {
        assumeTrue(libreOfficeInstalled(), "LibreOffice (soffice) is not installed");
        Path file = dir.resolve("template." + extension);
        assertThat(Main.execute("template", "--out", file.toString(), "--jobs", "jobs")).isZero();
        fill(file);
        Path pdf = print(file);

        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            List<Integer> qualityPages = new ArrayList<>();
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                String text = pageText(doc, i).replaceAll("[\\s\\u3000]+", "");
                if (text.contains("质量提升第")) { // the footer: 质量提升 第 n 页
                    qualityPages.add(i);
                    PDPage page = doc.getPage(i);
                    assertThat(page.getMediaBox().getWidth()).as("landscape").isGreaterThan(page.getMediaBox().getHeight());
                    assertThat(text).as("page " + (i + 1)).contains("统一社会信用代码", "国家级标准化试点", "备注");
                }
            }
            assertThat(qualityPages).hasSizeGreaterThan(1);
            // the size the enterprises' names print at, after scaling to the page width
            float size = sizeOf(doc, qualityPages.get(0), "企业0001");
            assertThat(size).as("printed size of the data (pt)").isGreaterThan(8f);
        }
    }

    /** 80 enterprises in 质量提升, all columns filled, as staff type them. */
    private static void fill(Path file) throws IOException {
        try (Workbook wb = open(file)) {
            Sheet sheet = wb.getSheet(SubmissionSheet.QUALITY.sheetName());
            for (int i = 1; i <= ENTERPRISES; i++) {
                Row row = sheet.createRow(SubmissionTemplate.HEADER_ROW + i);
                String[] text = {String.format("企业%04d常州金坛精密机械制造有限公司", i),
                        Uscc.complete(String.format("91320482MA1Q%05d", i)), "生物技术和新医药", "是", "否"};
                for (int c = 0; c < text.length; c++) {
                    row.createCell(c).setCellValue(text[c]);
                }
                for (int c = 5; c < 12; c++) {
                    row.createCell(c).setCellValue(i % 7 + c);
                }
                row.createCell(12).setCellValue("市长质量奖");
                row.createCell(13).setCellValue("AAA");
                row.createCell(14).setCellValue("是");
                row.createCell(15).setCellValue("否");
                row.createCell(16).setCellValue("新增");
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
    }

    private static Workbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return WorkbookFactory.create(in);
        }
    }

    private Path print(Path file) throws IOException, InterruptedException {
        Path out = Files.createDirectories(Path.of("target", "template-print"));
        String name = file.getFileName().toString();
        Path profile = dir.resolve("lo-profile"); // its own profile: other LibreOffice processes may run
        Process p = new ProcessBuilder("/usr/bin/soffice", "-env:UserInstallation=" + profile.toUri(), "--headless",
                "--convert-to", "pdf", "--outdir", dir.toString(), file.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("soffice.log").toFile()).start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("soffice finished").isTrue();
        Path pdf = dir.resolve(name.substring(0, name.lastIndexOf('.')) + ".pdf");
        assertThat(pdf).as(Files.readString(dir.resolve("soffice.log"))).isRegularFile();
        return Files.copy(pdf, out.resolve(name + ".pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static String pageText(PDDocument doc, int index) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(index + 1);
        stripper.setEndPage(index + 1);
        return stripper.getText(doc);
    }

    /**
     * The size, in points on paper, the Chinese characters of the first run of text starting with
     * {@code start} print at: a Chinese character is one em wide, so the advance from the first
     * Chinese character to the fifth, over four.
     */
    private static float sizeOf(PDDocument doc, int index, String start) throws IOException {
        float[] size = {0};
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) throws IOException {
                if (size[0] == 0 && text.startsWith(start)) {
                    int first = start.length(); // 企业0001 then 常州金坛...
                    size[0] = (positions.get(first + 4).getXDirAdj() - positions.get(first).getXDirAdj()) / 4;
                }
                super.writeString(text, positions);
            }
        };
        stripper.setStartPage(index + 1);
        stripper.setEndPage(index + 1);
        stripper.getText(doc);
        assertThat(size[0]).as("text starting with " + start).isPositive();
        return size[0];
    }
}
