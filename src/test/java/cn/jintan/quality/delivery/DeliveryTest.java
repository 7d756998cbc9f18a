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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delivery against an in-process SMTP server (GreenMail): the first run finds the server down,
 * records the failure and keeps the PDF; the next run (no new files) retries and the mail arrives
 * with the lead paragraph as its body and the briefing attached.
 */
@PipelineTest
class DeliveryTest {

    @InstallationRoot
    static Path root;
    /** A jobs/ folder of its own (a recipient of the briefing), hence a context of its own. */
    static final Path jobs = OwnJobsFolder.create("delivery-jobs", units -> units,
            "recipients.txt", "# leaders\nleader@jintan.example\n");
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
    void aFailedDeliveryIsRecordedKeepsThePdfAndIsRetriedOnTheNextRun() throws Exception {
        Files.createDirectories(root.resolve("input"));
        Path file = TestWorkbook.valid().write(root.resolve("input/直溪镇-2020-11.xlsx"));
        Installation.settle(file);

        // 1. the SMTP server is down
        JobExecution first = nightlyRun.run();
        assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Path pdf = root.resolve("output/briefings/2020-11/briefing-2020-11.pdf");
        assertThat(pdf).isRegularFile();
        JsonNode failed = summary(first).get("deliveries");
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).get("status").asString()).isEqualTo("failed");
        assertThat(failed.get(0).get("recipient").asString()).isEqualTo("leader@jintan.example");
        assertThat(failed.get(0).get("error").asString()).isNotBlank();
        assertThat(jdbc.sql("SELECT status FROM delivery").query(String.class).list()).containsExactly("FAILED");

        // 2. the server is back; a run without new files retries
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            JobExecution second = nightlyRun.run();
            assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
            MimeMessage[] received = smtp.getReceivedMessages();
            assertThat(received).hasSize(1);
            MimeMessage mail = received[0];
            assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("leader@jintan.example");
            assertThat(mail.getSubject()).isEqualTo("金坛区质量强区工作简报（2020年第11期）");
            Multipart parts = (Multipart) mail.getContent();
            String body = null;
            String attachment = null;
            int attachmentSize = 0;
            for (int i = 0; i < parts.getCount(); i++) {
                Part part = parts.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                    attachment = part.getFileName();
                    attachmentSize = part.getInputStream().readAllBytes().length;
                } else {
                    body = textOf(part);
                }
            }
            // one unit reported: the mail's lead says so, never 全区
            assertThat(body).startsWith("13个单位中已报送1个，以下为已报送单位合计：至11月底，已报送单位拥有\"首席质量官\"企业1家");
            assertThat(attachment).isEqualTo("briefing-2020-11.pdf");
            assertThat(attachmentSize).isEqualTo((int) Files.size(pdf));

            JsonNode retried = summary(second).get("deliveries");
            assertThat(retried).hasSize(1);
            assertThat(retried.get(0).get("status").asString()).isEqualTo("sent");
            assertThat(retried.get(0).get("attempts").asInt()).isEqualTo(2);

            // 3. nothing left to send: a third run sends nothing again
            JobExecution third = nightlyRun.run();
            assertThat(summary(third).get("deliveries")).isEmpty();
            assertThat(smtp.getReceivedMessages()).hasSize(1);
        } finally {
            smtp.stop();
        }
    }

    private JsonNode summary(JobExecution execution) throws IOException {
        return json.readTree(root.resolve("output/runs").resolve(NightlyRun.runId(execution) + ".json").toFile());
    }

    private static String textOf(Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            return textOf(multipart.getBodyPart(0));
        }
        return content.toString();
    }
}
