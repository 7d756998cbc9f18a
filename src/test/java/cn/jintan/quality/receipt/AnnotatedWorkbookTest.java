package cn.jintan.quality.receipt;

import cn.jintan.quality.config.JobsFiles;
import cn.jintan.quality.domain.UnitRegistry;
import cn.jintan.quality.testing.TestWorkbook;
import cn.jintan.quality.validation.Issue;
import cn.jintan.quality.validation.Submission;
import cn.jintan.quality.validation.SubmissionValidator;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static cn.jintan.quality.domain.SubmissionSheet.FINANCING;
import static cn.jintan.quality.domain.SubmissionSheet.QUALITY;
import static org.assertj.core.api.Assertions.assertThat;

class AnnotatedWorkbookTest {

    static final UnitRegistry REGISTRY = JobsFiles.units(Path.of("jobs"));
    static final SubmissionValidator VALIDATOR = new SubmissionValidator(REGISTRY, 20L * 1024 * 1024);
    static final AnnotatedWorkbook ANNOTATOR = new AnnotatedWorkbook(20L * 1024 * 1024);

    @TempDir
    Path dir;

    /** A rejected workbook: a wrong check character, a formula-looking text in a number column, an extra sheet. */
    private Path rejected(TestWorkbook.Format format) throws IOException {
        String bad = TestWorkbook.CODE_B.substring(0, 17) + (TestWorkbook.CODE_B.charAt(17) == '0' ? '1' : '0');
        Path file = TestWorkbook.valid()
                .set(QUALITY, 1, "统一社会信用代码", bad)
                .set(FINANCING, 0, "登记件数", "=SUM(1)")
                .withExtraSheet("草稿")
                .write(dir.resolve(format == TestWorkbook.Format.XLS ? "儒林镇-2020-11.xls" : "儒林镇-2020-11.xlsx"), format);
        // the staff's own formula, across sheets, in a column the validator ignores
        try (InputStream in = Files.newInputStream(file); Workbook wb = WorkbookFactory.create(in)) {
            wb.getSheet("质量提升").getRow(2).createCell(25).setCellFormula("'减费让利'!C3*2");
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        return file;
    }

    private static List<Issue> issues(Path file) {
        Submission s = VALIDATOR.validate(file, file.getFileName().toString(), YearMonth.of(2020, 12), row -> { });
        assertThat(s.accepted()).isFalse();
        return s.issues();
    }

    @ParameterizedTest
    @EnumSource(TestWorkbook.Format.class)
    void eachProblemCellIsFilledAndCarriesItsMessageAsAComment(TestWorkbook.Format format) throws IOException {
        Path file = rejected(format);
        byte[] before = Files.readAllBytes(file);
        List<Issue> issues = issues(file);
        Issue checksum = issues.stream().filter(i -> i.code().equals("uscc.checksum")).findFirst().orElseThrow();
        Issue type = issues.stream().filter(i -> i.code().equals("cell.type")).findFirst().orElseThrow();

        AnnotatedWorkbook.Annotated copy = ANNOTATOR.annotate(file, issues).orElseThrow();

        assertThat(copy.extension()).isEqualTo(format == TestWorkbook.Format.XLS ? ".xls" : ".xlsx");
        assertThat(Files.readAllBytes(file)).isEqualTo(before); // the archived original is never written
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(copy.bytes()))) {
            assertThat(wb instanceof HSSFWorkbook).isEqualTo(format == TestWorkbook.Format.XLS);
            Cell c4 = wb.getSheet("质量提升").getRow(3).getCell(2);
            assertThat(checksum.cell()).isEqualTo("C4");
            Comment comment = c4.getCellComment();
            assertThat(comment).isNotNull();
            assertThat(comment.getString().getString()).contains(checksum.message());
            assertThat(comment.getAuthor()).isEqualTo("质量强区报送系统");
            assertThat(c4.getCellStyle().getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
            assertThat(c4.getCellStyle().getFillForegroundColor()).isEqualTo(IndexedColors.ROSE.getIndex());
            assertThat(c4.getStringCellValue()).isEqualTo(checksum.value()); // the staff's value is kept

            Cell typeCell = cellAt(wb, type);
            assertThat(typeCell.getCellComment().getString().getString()).contains(type.message());
            assertThat(typeCell.getCellType()).isEqualTo(CellType.STRING);

            // a first sheet lists every problem, the ones without a cell too (the extra sheet)
            Sheet list = wb.getSheetAt(0);
            assertThat(list.getSheetName()).isEqualTo("报送问题清单");
            assertThat(wb.getActiveSheetIndex()).isZero();
            List<String> texts = new ArrayList<>();
            list.forEach(row -> row.forEach(cell -> {
                if (cell.getCellType() == CellType.STRING) {
                    texts.add(cell.getStringCellValue());
                }
            }));
            assertThat(String.join("\n", texts)).contains(checksum.message(), type.message(), "草稿", "=SUM(1)");
            issues.forEach(i -> assertThat(String.join("\n", texts)).contains(i.message()));

            // no formula but the staff's own, and it still points at the same sheet after the new first sheet
            List<Cell> formulas = formulaCells(wb);
            assertThat(formulas).hasSize(1);
            assertThat(formulas.get(0).getSheet().getSheetName()).isEqualTo("质量提升");
            assertThat(formulas.get(0).getCellFormula()).contains("减费让利").contains("C3*2");
        }
    }

    private static Cell cellAt(Workbook wb, Issue issue) {
        org.apache.poi.ss.util.CellReference ref = new org.apache.poi.ss.util.CellReference(issue.cell());
        return wb.getSheet(issue.sheet()).getRow(ref.getRow()).getCell(ref.getCol());
    }

    private static List<Cell> formulaCells(Workbook wb) {
        List<Cell> cells = new ArrayList<>();
        for (Sheet sheet : wb) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.FORMULA) {
                        cells.add(cell);
                    }
                }
            }
        }
        return cells;
    }

    @Test
    void aBlankRequiredCellIsCreatedToBeMarked() throws IOException {
        Path file = TestWorkbook.valid().set(QUALITY, 0, "所属产业", null).write(dir.resolve("blank.xlsx"));
        List<Issue> issues = issues(file);
        Issue required = issues.stream().filter(i -> i.code().equals("cell.required")).findFirst().orElseThrow();
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(ANNOTATOR.annotate(file, issues).orElseThrow().bytes()))) {
            Cell cell = cellAt(wb, required);
            assertThat(cell.getCellComment().getString().getString()).contains(required.message());
            assertThat(cell.getCellStyle().getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
        }
    }

    @Test
    void encryptedUnreadableAndFileLevelProblemsGetNoCopy() throws Exception {
        Path plain = TestWorkbook.valid().write(dir.resolve("plain.xlsx"));
        Issue some = new Issue(cn.jintan.quality.validation.Severity.ERROR, "cell.required", "质量提升", "B3", 3, "企业名称", "", "x");
        // password-protected
        Path encrypted = dir.resolve("encrypted.xlsx");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor enc = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            enc.confirmPassword("123456");
            try (OutputStream os = enc.getDataStream(fs); InputStream in = Files.newInputStream(plain)) {
                in.transferTo(os);
            }
            try (OutputStream out = Files.newOutputStream(encrypted)) {
                fs.writeFilesystem(out);
            }
        }
        assertThat(ANNOTATOR.annotate(encrypted, List.of(some))).isEmpty();
        Path garbage = Files.write(dir.resolve("garbage.xlsx"), new byte[]{'P', 'K', 3, 4, 1, 2, 3});
        assertThat(ANNOTATOR.annotate(garbage, List.of(some))).isEmpty();
        Path text = Files.writeString(dir.resolve("text.xls"), "企业名称,统一社会信用代码\n");
        assertThat(ANNOTATOR.annotate(text, List.of(some))).isEmpty();
        Issue unreadable = new Issue(cn.jintan.quality.validation.Severity.ERROR, "file.unsafe", null, null, null, null, "", "x");
        assertThat(ANNOTATOR.annotate(plain, List.of(unreadable))).isEmpty();
        assertThat(ANNOTATOR.annotate(plain, List.of())).isEmpty();
        assertThat(new AnnotatedWorkbook(10).annotate(plain, List.of(some))).isEmpty(); // larger than the limit
        assertThat(ANNOTATOR.annotate(plain, List.of(some))).map(AnnotatedWorkbook.Annotated::extension).isEqualTo(Optional.of(".xlsx"));
    }

    /** The rejected workbook of {@link #rejected} made to read another workbook: a formula and a defined name. */
    private Path linkedToAnotherWorkbook(TestWorkbook.Format format) throws IOException {
        Path file = rejected(format);
        try (InputStream in = Files.newInputStream(file); Workbook wb = WorkbookFactory.create(in);
             Workbook other = format == TestWorkbook.Format.XLS ? new HSSFWorkbook() : new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            other.createSheet("Data").createRow(0).createCell(0).setCellValue(42);
            String name = format == TestWorkbook.Format.XLS ? "other.xls" : "other.xlsx";
            wb.linkExternalWorkbook(name, other);
            Cell cell = wb.getSheet("质量提升").getRow(2).createCell(26);
            cell.setCellFormula("[" + name + "]Data!A1");
            if (format != TestWorkbook.Format.XLS) {
                wb.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(cell); // cached 42, as Excel saves it
            }
            org.apache.poi.ss.usermodel.Name linked = wb.createName();
            linked.setNameName("Elsewhere");
            linked.setRefersToFormula("[" + name + "]Data!$A$1");
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        return file;
    }

    @Test
    void anAnnotatedXlsxKeepsNoLinkToAnotherWorkbook() throws IOException {
        Path file = linkedToAnotherWorkbook(TestWorkbook.Format.XLSX);
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            assertThat(zip.stream().map(java.util.zip.ZipEntry::getName)).anyMatch(n -> n.startsWith("xl/externalLinks/"));
        }
        List<Issue> issues = issues(file);

        byte[] copy = ANNOTATOR.annotate(file, issues).orElseThrow().bytes();

        Path annotated = Files.write(dir.resolve("annotated.xlsx"), copy);
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(annotated.toFile())) {
            assertThat(zip.stream().map(java.util.zip.ZipEntry::getName)).noneMatch(n -> n.toLowerCase().contains("externallink"));
            String workbookXml = new String(zip.getInputStream(zip.getEntry("xl/workbook.xml")).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(workbookXml).doesNotContain("externalReference", "Elsewhere");
            String rels = new String(zip.getInputStream(zip.getEntry("xl/_rels/workbook.xml.rels")).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(rels).doesNotContain("externalLink", "other.xlsx");
        }
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new ByteArrayInputStream(copy))) {
            assertThat(wb.getExternalLinksTable()).isEmpty();
            Cell was = wb.getSheet("质量提升").getRow(2).getCell(26);
            assertThat(was.getCellType()).isEqualTo(CellType.NUMERIC); // the last value read, no longer a link
            assertThat(was.getNumericCellValue()).isEqualTo(42.0);
            // the staff's own formula within the workbook stays, and the problems are still marked
            assertThat(wb.getSheet("质量提升").getRow(2).getCell(25).getCellFormula()).isEqualTo("'减费让利'!C3*2");
            Issue first = issues.stream().filter(i -> i.cell() != null && "质量提升".equals(i.sheet())).findFirst().orElseThrow();
            assertThat(cellAt(wb, first).getCellComment()).isNotNull();
        }
    }

    @Test
    void anXlsLinkedToAnotherWorkbookGetsNoCopy() throws IOException {
        Path file = linkedToAnotherWorkbook(TestWorkbook.Format.XLS);
        List<Issue> issues = issues(file);
        assertThat(ANNOTATOR.annotate(file, issues)).isEmpty();
        // the same workbook without the link is annotated
        assertThat(ANNOTATOR.annotate(rejected(TestWorkbook.Format.XLS), issues)).isPresent();
    }

    @Test
    void anAnnotatedXlsxKeepsNoDdeLink() throws IOException {
        Path linked = linkedToAnotherWorkbook(TestWorkbook.Format.XLSX);
        // the link part made a DDE link, as a workbook that starts a program when opened carries it
        Path file = cn.jintan.quality.testing.HostileFiles.withEntry(linked, dir.resolve("儒林镇-2020-11-dde.xlsx"),
                "xl/externalLinks/externalLink1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                        + "<externalLink xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                        + "<ddeLink ddeService=\"cmd\" ddeTopic=\"/c calc\"><ddeItems><ddeItem name=\"A0\" advise=\"1\"/>"
                        + "</ddeItems></ddeLink></externalLink>");
        List<Issue> issues = issues(file);

        byte[] copy = ANNOTATOR.annotate(file, issues).orElseThrow().bytes();

        Path annotated = Files.write(dir.resolve("annotated-dde.xlsx"), copy);
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(annotated.toFile())) {
            assertThat(zip.stream().map(java.util.zip.ZipEntry::getName)).noneMatch(n -> n.toLowerCase().contains("externallink"));
            for (java.util.zip.ZipEntry entry : java.util.Collections.list(zip.entries())) {
                assertThat(new String(zip.getInputStream(entry).readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as(entry.getName()).doesNotContain("ddeLink", "ddeService");
            }
        }
    }
}
