package cn.jintan.quality.delivery;

import cn.jintan.quality.job.NightlyRun;
import cn.jintan.quality.testing.Installation;
import cn.jintan.quality.testing.InstallationRoot;
import cn.jintan.quality.testing.OwnJobsFolder;
import cn.jintan.quality.testing.PipelineTest;
import cn.jintan.quality.testing.TestWorkbook;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static cn.jintan.quality.domain.SubmissionSheet.QUALITY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Receipts mailed to the units' contact addresses of units.tsv against an in-process SMTP server
 * (GreenMail): the first run finds the server down, records both mails as failed and completes;
 * the next run (no new files) retries and the clerks receive their receipt PDF, the rejected one
 * with its annotated workbook; a third run sends nothing again. A unit without an address gets none.
 */
@PipelineTest
class ReceiptMailTest {

    @InstallationRoot
    static Path root;
    /** A jobs/ folder of its own (units' contact addresses), hence a context of its own. */
    static final Path jobs = OwnJobsFolder.create("receipt-mail-jobs", units -> units
            .replace("zhixi\t直溪镇\tTOWN\t直溪\n", "zhixi\t直溪镇\tTOWN\t直溪\tclerk.zhixi@jintan.example\n")
            .replace("rulin\t儒林镇\tTOWN\t儒林\n", "rulin\t儒林镇\tTOWN\t\trulin@jintan.example\n"));
    static final int port = OwnJobsFolder.freePort();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        OwnJobsFolder.register(registry, jobs, port);
    }

    @AfterAll
    static void clean() throws IOException {
        FileSystemUtils.deleteRecursively(jobs);
    }

    @Autowired
    NightlyRun nightlyRun;

    @Autowired
    JdbcClient jdbc;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void receiptsAreMailedToTheUnitsAddressFailedSendsAreRecordedAndRetried() throws Exception {
        Installation.drop(root, TestWorkbook.valid(), "直溪镇-2020-11.xlsx");
        String bad = TestWorkbook.CODE_B.substring(0, 17) + (TestWorkbook.CODE_B.charAt(17) == '0' ? '1' : '0');
        Installation.drop(root, TestWorkbook.valid().cover("填报单位", "儒林镇").set(QUALITY, 1, "统一社会信用代码", bad),
                "儒林镇-2020-11.xlsx");
        Installation.drop(root, TestWorkbook.valid().cover("填报单位", "金城镇"), "金城镇-2020-11.xlsx"); // no address

        // 1. the SMTP server is down: both mails recorded as failed, the run completes all the same
        JobExecution first = nightlyRun.run();
        assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(nightlyRun.exitStatus(first)).isZero();
        JsonNode failed = summary(first).get("receipt_mails");
        assertThat(failed).hasSize(2);
        assertThat(failed).allSatisfy(m -> {
            assertThat(m.get("status").asString()).isEqualTo("failed");
            assertThat(m.get("attempts").asInt()).isEqualTo(1);
            assertThat(m.get("error").asString()).isNotBlank();
        });
        assertThat(failed).extracting(m -> m.get("recipient").asString())
                .containsExactlyInAnyOrder("clerk.zhixi@jintan.example", "rulin@jintan.example");
        assertThat(jdbc.sql("SELECT status FROM receipt_mail").query(String.class).list()).containsOnly("FAILED").hasSize(2);

        // 2. the server is back; a run without new files retries
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            JobExecution second = nightlyRun.run();
            assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(smtp.waitForIncomingEmail(5000, 2)).isTrue();
            Map<String, MimeMessage> byRecipient = new LinkedHashMap<>();
            for (MimeMessage m : smtp.getReceivedMessages()) {
                byRecipient.put(m.getAllRecipients()[0].toString(), m);
            }
            assertThat(byRecipient).containsOnlyKeys("clerk.zhixi@jintan.example", "rulin@jintan.example");

            MimeMessage accepted = byRecipient.get("clerk.zhixi@jintan.example");
            assertThat(accepted.getSubject()).isEqualTo("【报送回执】直溪镇 2020年11月报表 第1版：已通过");
            Map<String, byte[]> acceptedFiles = attachments(accepted);
            assertThat(acceptedFiles).containsOnlyKeys("zhixi-2020-11-v1.pdf");
            assertThat(acceptedFiles.get("zhixi-2020-11-v1.pdf"))
                    .isEqualTo(Files.readAllBytes(root.resolve("output/receipts/2020-11/zhixi-2020-11-v1.pdf")));
            assertThat(pdfText(acceptedFiles.get("zhixi-2020-11-v1.pdf"))).contains("直溪镇");
            assertThat(body(accepted)).startsWith("直溪镇：").contains("直溪镇-2020-11.xlsx", "2020年11月报表，第1版",
                    "审核结果：已通过", "数据已计入统计", "报送情况.html");

            MimeMessage rejected = byRecipient.get("rulin@jintan.example");
            assertThat(rejected.getSubject()).isEqualTo("【报送回执】儒林镇 2020年11月报表 第1版：已退回");
            Map<String, byte[]> rejectedFiles = attachments(rejected);
            assertThat(rejectedFiles).containsOnlyKeys("rulin-2020-11-v1.pdf", "rulin-2020-11-v1.annotated.xlsx");
            try (Workbook annotated = WorkbookFactory.create(new ByteArrayInputStream(rejectedFiles.get("rulin-2020-11-v1.annotated.xlsx")))) {
                assertThat(annotated.getSheet("报送问题清单")).isNotNull();
            }
            assertThat(body(rejected)).contains("审核结果：已退回", "整份退回", "标注工作簿", "rulin-2020-11-v1.annotated.xlsx");

            JsonNode retried = summary(second).get("receipt_mails");
            assertThat(retried).hasSize(2).allSatisfy(m -> {
                assertThat(m.get("status").asString()).isEqualTo("sent");
                assertThat(m.get("attempts").asInt()).isEqualTo(2);
            });

            // 3. nothing left to send: a third run with a new file mails only that one
            Installation.drop(root, TestWorkbook.valid().cover("填报人", "李明"), "直溪镇-2020-11-第二版.xlsx");
            JobExecution third = nightlyRun.run();
            assertThat(smtp.waitForIncomingEmail(5000, 3)).isTrue();
            assertThat(smtp.getReceivedMessages()).hasSize(3);
            assertThat(Arrays.stream(smtp.getReceivedMessages()).map(ReceiptMailTest::subject))
                    .containsOnlyOnce("【报送回执】直溪镇 2020年11月报表 第2版：已通过");
            assertThat(summary(third).get("receipt_mails")).hasSize(1);
        } finally {
            smtp.stop();
        }
    }

    private JsonNode summary(JobExecution execution) {
        return json.readTree(root.resolve("output/runs").resolve(NightlyRun.runId(execution) + ".json").toFile());
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, byte[]> attachments(MimeMessage mail) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Multipart parts = (Multipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            Part part = parts.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                files.put(part.getFileName(), part.getInputStream().readAllBytes());
            }
        }
        return files;
    }

    private static String body(MimeMessage mail) throws Exception {
        Multipart parts = (Multipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            Part part = parts.getBodyPart(i);
            if (!Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return textOf(part);
            }
        }
        throw new AssertionError("no body in " + Arrays.toString(mail.getAllRecipients()));
    }

    private static String textOf(Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            return textOf(multipart.getBodyPart(0));
        }
        return content.toString();
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
