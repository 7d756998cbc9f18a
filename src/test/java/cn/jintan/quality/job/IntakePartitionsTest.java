package cn.jintan.quality.job;

import cn.jintan.quality.cli.Main;
import cn.jintan.quality.config.JobsFiles;
import cn.jintan.quality.domain.Period;
import cn.jintan.quality.samples.SampleWorkbooks;
import cn.jintan.quality.store.Database;
import cn.jintan.quality.testing.EmbeddedPostgresql;
import cn.jintan.quality.testing.Installation;
import cn.jintan.quality.testing.RunOutputs;
import cn.jintan.quality.testing.TestWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.StandardEnvironment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.jintan.quality.domain.SubmissionSheet.QUALITY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same files through {@code run} one at a time ({@code intake.workers=1}) and in four
 * partitions at once: the same ledger (versions, statuses), the same issues, receipts, page and
 * figures. A month of samples, then corrections of three units sharing two enterprises (each
 * unit's second version, in its own partition), a file that is no workbook and one of an unknown unit.
 */
@Tag(EmbeddedPostgresql.ON_EITHER)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntakePartitionsTest {

    @TempDir
    static Path dir;

    private Path single;
    private Path parallel;

    @BeforeAll
    void runBoth() throws Exception {
        // written once, copied to both: POI stamps a workbook with the time it is written
        Path extras = Files.createDirectories(dir.resolve("extras"));
        TestWorkbook swapped = TestWorkbook.valid().set(QUALITY, 0, "统一社会信用代码", TestWorkbook.CODE_B)
                .set(QUALITY, 1, "统一社会信用代码", TestWorkbook.CODE_A);
        TestWorkbook.valid().write(extras.resolve("zhixi-correction.xlsx"));
        swapped.cover("填报单位", "儒林镇").write(extras.resolve("rulin-correction.xlsx"));
        TestWorkbook.valid().cover("填报单位", "薛埠镇").write(extras.resolve("xuebu-correction.xlsx"));
        Files.writeString(extras.resolve("not-a-workbook.xlsx"), "not a workbook");
        TestWorkbook.valid().cover("填报单位", "某某镇").write(extras.resolve("unknown-unit.xlsx"));
        single = installation("single");
        parallel = installation("parallel");
        assertThat(run(single, 1)).isZero();
        assertThat(run(parallel, 4)).isZero();
    }

    @Test
    void theParallelRunUsedSeveralPartitionsAndTheSingleOneOne() throws Exception {
        assertThat(query(single, "SELECT COUNT(*) FROM batch_step_execution WHERE step_name LIKE 'intakeFiles:%'"))
                .containsExactly("1");
        // 13 units, plus one partition each for the file that is no workbook and the unknown unit
        assertThat(query(parallel, "SELECT COUNT(*) FROM batch_step_execution WHERE step_name LIKE 'intakeFiles:%'"))
                .containsExactly("15");
    }

    @Test
    void theLedgerIsTheSame() throws Exception {
        String ledger = "SELECT file_name || ' ' || COALESCE(unit_code, '-') || ' ' || COALESCE(period, '-') || ' v'"
                + " || COALESCE(CAST(version AS VARCHAR), '-') || ' ' || status FROM submission ORDER BY file_name";
        List<String> expected = query(single, ledger);
        assertThat(expected).hasSize(18)
                .contains("zhixi-correction.xlsx zhixi 2020-11 v2 ACCEPTED", "rulin-correction.xlsx rulin 2020-11 v2 ACCEPTED",
                        "not-a-workbook.xlsx - - v- REJECTED");
        assertThat(query(parallel, ledger)).isEqualTo(expected);
        // the first version, received first, is the one superseded
        assertThat(query(parallel, "SELECT s.file_name FROM submission s JOIN submission n ON n.id = s.superseded_by "
                + "WHERE n.file_name = 'zhixi-correction.xlsx'")).singleElement().asString().startsWith("直溪镇-2020-11");
    }

    @Test
    void everySubmissionHasTheSameIssuesInTheSameOrder() throws Exception {
        String issues = "SELECT s.file_name || ' ' || i.code || ' ' || COALESCE(i.cell, '-') || ' ' || i.message "
                + "FROM submission_issue i JOIN submission s ON s.id = i.submission_id ORDER BY s.file_name, i.id";
        List<String> expected = query(single, issues);
        // each correction shares both enterprises with the two other units: four warnings, in its row order
        assertThat(expected.stream().filter(i -> i.startsWith("zhixi-correction.xlsx cross.duplicate_enterprise")))
                .hasSize(4).extracting(i -> i.split(" ")[2]).containsExactly("C3", "C3", "C4", "C4");
        assertThat(expected.stream().filter(i -> i.startsWith("rulin-correction.xlsx cross.duplicate_enterprise"))).hasSize(4);
        assertThat(query(parallel, issues)).isEqualTo(expected);
    }

    @Test
    void receiptsPagesAndFiguresAreTheSame() throws IOException {
        assertThat(RunOutputs.receipts(parallel)).isEqualTo(RunOutputs.receipts(single)).hasSize(18);
        assertThat(RunOutputs.figures(parallel, "2020-11")).isEqualTo(RunOutputs.figures(single, "2020-11"));
        // a row per unit, then one per file received with a unit (the samples and three corrections)
        assertThat(page(parallel, "2020-11")).isEqualTo(page(single, "2020-11")).hasSize(13 + 16);
        assertThat(page(parallel, "2020-11")).anyMatch(row -> row.contains("data-unit=\"zhixi\" data-status=\"superseded\""));
    }

    private Path installation(String name) throws IOException {
        Path home = Files.createDirectories(dir.resolve(name));
        Path input = home.resolve("input");
        for (Path sample : SampleWorkbooks.write(input, JobsFiles.units(Path.of("jobs")), Period.of(2020, 11),
                Period.of(2020, 11))) {
            Installation.settle(sample);
        }
        // received after the samples, one after another: each unit's correction is its version 2
        int secondsAgo = 50;
        for (String extra : List.of("zhixi-correction.xlsx", "rulin-correction.xlsx", "xuebu-correction.xlsx",
                "not-a-workbook.xlsx", "unknown-unit.xlsx")) {
            Path file = Files.copy(dir.resolve("extras").resolve(extra), input.resolve(extra));
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(secondsAgo)));
            secondsAgo -= 5;
        }
        return home;
    }

    /** Each installation's database: its H2 file, or with {@code -Ppostgres} a PostgreSQL database of its own. */
    private final Map<Path, String> databases = new HashMap<>();

    private int run(Path home, int workers) {
        if (EmbeddedPostgresql.chosen(new StandardEnvironment())) {
            databases.put(home, EmbeddedPostgresql.newDatabase());
            System.setProperty(Database.URL, databases.get(home));
            System.setProperty(Database.USERNAME, EmbeddedPostgresql.USER);
        }
        System.setProperty("qb.intake-workers", String.valueOf(workers));
        try {
            return Main.execute("run", "--input", home.resolve("input").toString(), "--output",
                    home.resolve("output").toString(), "--data", home.resolve("data").toString(), "--jobs",
                    Installation.repositoryJobs().toString());
        } finally {
            List.of("qb.intake-workers", Database.URL, Database.USERNAME).forEach(System::clearProperty);
        }
    }

    private List<String> query(Path home, String sql) throws Exception {
        String url = databases.getOrDefault(home, "jdbc:h2:file:" + home.resolve("data/db/quality").toAbsolutePath()
                + ";ACCESS_MODE_DATA=r");
        String user = databases.containsKey(home) ? EmbeddedPostgresql.USER : "sa";
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }



    /** The rows of a period's 报送情况.html: unit and status of each unit's latest file, then of every file. */
    private static List<String> page(Path home, String period) throws IOException {
        return Files.readAllLines(home.resolve("output/receipts/" + period + "/报送情况.html")).stream()
                .filter(l -> l.startsWith("<tr data-unit")).map(l -> l.replaceFirst("^(<tr [^>]*>).*$", "$1")).toList();
    }
}
