package cn.jintan.quality.validation;

import cn.jintan.quality.config.JobsFiles;
import cn.jintan.quality.domain.UnitRegistry;
import cn.jintan.quality.testing.HostileFiles;
import cn.jintan.quality.testing.TestWorkbook;
import cn.jintan.quality.testing.TestWorkbook.Format;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;

import static cn.jintan.quality.domain.SubmissionSheet.FINANCING;
import static cn.jintan.quality.domain.SubmissionSheet.QUALITY;
import static org.assertj.core.api.Assertions.assertThat;

/** Workbooks as other tools write them, and hostile files: read right or rejected, never a crash. */
class RealWorldWorkbooksTest {

    private static final UnitRegistry REGISTRY = JobsFiles.units(Path.of("jobs"));
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/libreoffice");

    @TempDir
    Path dir;

    private List<ParsedRow> read(Path file, List<Issue> issues) {
        List<ParsedRow> rows = new ArrayList<>();
        Submission s = new SubmissionValidator(REGISTRY, 20L * 1024 * 1024)
                .validate(file, file.getFileName().toString(), YearMonth.of(2020, 12), rows::add);
        issues.addAll(s.issues());
        return rows;
    }

    private List<String> codes(Path file) {
        List<Issue> issues = new ArrayList<>();
        read(file, issues);
        return issues.stream().map(Issue::code).toList();
    }

    @ParameterizedTest
    @CsvSource({"直溪镇-2020-11.xls, 直溪镇-2020-11.original.xlsx", "薛埠镇-2020-11.xlsx, 薛埠镇-2020-11.original.xls"})
    void workbooksSavedByLibreOfficeReadLikeTheirOriginals(String saved, String original) {
        List<Issue> savedIssues = new ArrayList<>();
        List<Issue> originalIssues = new ArrayList<>();
        List<ParsedRow> savedRows = read(FIXTURES.resolve(saved), savedIssues);
        // the very files LibreOffice opened (samples of an earlier version), kept next to what it saved
        List<ParsedRow> originalRows = read(FIXTURES.resolve(original), originalIssues);
        assertThat(savedIssues).isEmpty();
        assertThat(originalIssues).isEmpty();
        assertThat(savedRows).hasSizeGreaterThan(10).isEqualTo(originalRows);
    }

    @Test
    void openDocumentSpreadsheetsAreAFormatError() {
        assertThat(codes(FIXTURES.resolve("直溪镇-2020-11.ods"))).containsExactly("file.format");
    }

    @Test
    void inlineStringsAsStreamingWritersSaveThem() throws IOException {
        Path file = TestWorkbook.valid().write(dir.resolve("直溪镇-2020-11.xlsx"), Format.SXSSF);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertThat(zip.getEntry("xl/sharedStrings.xml")).as("no shared strings").satisfiesAnyOf(
                    e -> assertThat(e).isNull(), e -> assertThat(zip.getInputStream(e).readAllBytes().length).isLessThan(300));
        }
        List<Issue> issues = new ArrayList<>();
        List<ParsedRow> rows = read(file, issues);
        assertThat(issues).isEmpty();
        assertThat(rows).hasSize(9);
        assertThat(rows.get(0).value("enterprise_name")).isEqualTo("常州斯威克光伏新材料有限公司");
    }

    @Test
    void datesOfThe1904DateSystem() {
        Path file = TestWorkbook.valid().date1904().write(dir.resolve("直溪镇-2020-11.xlsx"), Format.XLSX);
        List<Issue> issues = new ArrayList<>();
        List<ParsedRow> rows = read(file, issues);
        assertThat(issues).isEmpty();
        assertThat(rows.get(2).value("registration_date")).isEqualTo(LocalDate.of(2020, 11, 5));
    }

    @Test
    void cachedFormulaResultsAreUsedAndNeverEvaluated() {
        Path file = TestWorkbook.valid()
                .set(QUALITY, 0, "国家标准", new TestWorkbook.Formula("1+1", true))
                .set(FINANCING, 0, "融资金额（万元）", new TestWorkbook.Formula("1000.25+200.25", true))
                .write(dir.resolve("直溪镇-2020-11.xls"), Format.XLS);
        List<Issue> issues = new ArrayList<>();
        List<ParsedRow> rows = read(file, issues);
        assertThat(issues).isEmpty();
        assertThat(rows.get(0).value("std_national")).isEqualTo(2);
        assertThat(rows.get(2).value("amount")).isEqualTo(new BigDecimal("1200.50"));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(value = Format.class, names = {"XLSX", "XLS"})
    void formulaErrorValuesAreReportedAtTheirCell(Format format) {
        Path file = TestWorkbook.valid().set(QUALITY, 1, "国家标准", new TestWorkbook.Formula("1/0", true))
                .write(dir.resolve("直溪镇-2020-11." + format.name().toLowerCase()), format);
        List<Issue> issues = new ArrayList<>();
        read(file, issues);
        assertThat(issues).extracting(Issue::code, Issue::cell, Issue::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("cell.formula", "H4", "#DIV/0!"));
    }

    @Test
    void aMergedBannerAboveTheHeaderIsIgnoredAndAMergedDataCellIsBlankBelowItsFirstRow() {
        Path file = TestWorkbook.valid()
                .merge(QUALITY, 0, 0, 0, 10)  // title banner
                .merge(QUALITY, 2, 3, 3, 3)   // 所属产业 merged over both data rows: Excel keeps only D3
                .set(QUALITY, 1, "所属产业", null)
                .write(dir.resolve("直溪镇-2020-11.xlsx"), Format.XLSX);
        List<Issue> issues = new ArrayList<>();
        read(file, issues);
        assertThat(issues).extracting(Issue::code, Issue::cell)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("cell.required", "D4"));
    }

    @Test
    void passwordProtectedXlsxIsEncrypted() {
        assertThat(codes(HostileFiles.encrypted(dir, "直溪镇-2020-11.xlsx"))).containsExactly("file.encrypted");
    }

    @Test
    void passwordProtectedXlsIsEncrypted() throws Exception {
        Path plain = TestWorkbook.valid().write(dir.resolve("plain.xls"), Format.XLS);
        Path encrypted = dir.resolve("直溪镇-2020-11.xls");
        try (HSSFWorkbook wb = (HSSFWorkbook) WorkbookFactory.create(plain.toFile())) {
            Biff8EncryptionKey.setCurrentUserPassword("123456");
            try (OutputStream out = Files.newOutputStream(encrypted)) {
                wb.write(out);
            }
        } finally {
            Biff8EncryptionKey.setCurrentUserPassword(null);
        }
        assertThat(codes(encrypted)).containsExactly("file.encrypted");
    }

    @Test
    void aWorkbookCarryingAVbaProjectIsAMacroWorkbookWhateverItsName() {
        assertThat(codes(HostileFiles.withVbaProject(dir, "直溪镇-2020-11.xlsx"))).containsExactly("file.macro");
    }

    @Test
    void aZipBombIsUnsafe() {
        assertThat(codes(HostileFiles.zipBomb(dir, "直溪镇-2020-11.xlsx"))).containsExactly("file.unsafe");
    }

    @Test
    void entityExpansionIsUnsafeAndNeverReadsLocalFiles() throws IOException {
        Path plain = TestWorkbook.valid().write(dir.resolve("plain.xlsx"), Format.XLSX);
        String doctype = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>";
        Path hostile = HostileFiles.rewriteZip(plain, dir.resolve("直溪镇-2020-11.xlsx"),
                name -> name.equals("xl/sharedStrings.xml") ? doctype : null, null, null);
        List<String> codes = codes(hostile);
        assertThat(codes).hasSize(1);
        assertThat(codes.get(0)).isIn("file.unsafe", "file.unreadable");
    }
}
