package cn.jintan.quality.job;

import cn.jintan.quality.cli.Main;
import cn.jintan.quality.testing.HostileFiles;
import cn.jintan.quality.testing.Installation;
import cn.jintan.quality.testing.TestWorkbook;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text a workbook controls is bounded by the column that stores it: a sheet name of 150 characters
 * (Excel stops at 31, a hand-edited or generated file does not) is an ignored extra sheet, a warning,
 * and never quarantines the file.
 */
class LongSheetNameTest {

    @TempDir
    Path root;

    @Test
    void aSheetNameLongerThanItsColumnIsAWarningAndTheFileIsAccepted() throws IOException {
        String longName = "附加说明".repeat(37) + "XY"; // 150 characters
        Path plain = TestWorkbook.valid().withExtraSheet("Extra").write(root.resolve("plain.xlsx"));
        String workbookXml;
        try (ZipFile zip = new ZipFile(plain.toFile())) {
            workbookXml = new String(zip.getInputStream(zip.getEntry("xl/workbook.xml")).readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(workbookXml).contains("name=\"Extra\"");
        HostileFiles.withEntry(plain, Installation.input(root).resolve("直溪镇-2020-11.xlsx"), "xl/workbook.xml",
                workbookXml.replace("name=\"Extra\"", "name=\"" + longName + "\""));
        Installation.settle(Installation.input(root).resolve("直溪镇-2020-11.xlsx"));

        int status = Main.execute("run", "--input", root.resolve("input").toString(), "--output", root.resolve("output").toString(),
                "--data", root.resolve("data").toString(), "--jobs", Installation.repositoryJobs().toString());

        assertThat(status).isZero();
        assertThat(root.resolve("data/quarantine")).doesNotExist();
        JsonNode receipt = JsonMapper.builder().build().readTree(root.resolve("output/receipts/2020-11/zhixi-2020-11-v1.json").toFile());
        assertThat(receipt.get("status").asString()).isEqualTo("accepted");
        JsonNode warning = null;
        for (JsonNode issue : receipt.get("issues")) {
            if (issue.get("code").asString().equals("sheet.unknown")) {
                warning = issue;
            }
        }
        assertThat(warning).as(receipt.toString()).isNotNull();
        assertThat(warning.get("severity").asString()).isEqualToIgnoringCase("warning");
        assertThat(warning.get("sheet").asString()).hasSizeLessThanOrEqualTo(100).startsWith("附加说明附加说明").endsWith("…");
        assertThat(warning.get("message").asString()).contains(longName);
    }
}
