package cn.jintan.quality.report;

import cn.jintan.quality.domain.Uscc;
import cn.jintan.quality.job.NightlyRun;
import cn.jintan.quality.testing.Installation;
import cn.jintan.quality.testing.InstallationRoot;
import cn.jintan.quality.testing.PipelineTest;
import cn.jintan.quality.testing.TestWorkbook;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A period with more honoured enterprises than a briefing should list names the highest and counts the rest. */
@PipelineTest
class HonoursCapTest {

    @InstallationRoot
    static Path root;

    @Autowired
    NightlyRun nightlyRun;

    @Test
    void atMost200HonoursAreListedAndTheRestCounted() throws Exception {
        TestWorkbook workbook = TestWorkbook.valid();
        for (int i = 0; i < 210; i++) {
            String code = Uscc.complete(String.format("91320482MA2%06d", i));
            workbook.quality(Map.of("企业名称", "区长奖申报企业" + i + "有限公司", "统一社会信用代码", code,
                    "所属产业", "其他", "质量奖申报", "区长质量奖"));
        }
        Installation.drop(root, workbook, "直溪镇-2020-11.xlsx");

        assertThat(nightlyRun.run().getStatus()).isEqualTo(BatchStatus.COMPLETED);

        Path pdf = root.resolve("output/briefings/2020-11/briefing-2020-11.pdf");
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            // 212 honoured (the sample's 领跑者 and 市长质量奖 enterprises first), 200 listed
            assertThat(text).contains("常州斯威克光伏新材料有限公司", "江苏直溪机械有限公司", "另有12家企业获评或申报");
            assertThat(text).contains("区长奖申报企业0有限公司").doesNotContain("区长奖申报企业209有限公司");
        }
    }
}
