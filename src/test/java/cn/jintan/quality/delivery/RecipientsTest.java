package cn.jintan.quality.delivery;

import cn.jintan.quality.config.JobsFiles;
import cn.jintan.quality.domain.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecipientsTest {

    @TempDir
    Path jobs;

    @Test
    void theShippedFileListsNobodySoNothingIsSent() {
        assertThat(JobsFiles.recipients(Path.of("jobs")).addresses()).isEmpty();
    }

    @Test
    void addressesOneALineWithComments() throws IOException {
        Files.writeString(jobs.resolve("recipients.txt"), "# leaders\nleader@jintan.gov.cn\n\n  office@jintan.gov.cn  \n");
        assertThat(JobsFiles.recipients(jobs).addresses()).containsExactly("leader@jintan.gov.cn", "office@jintan.gov.cn");
    }

    @Test
    void aBadOrRepeatedAddressNamesFileAndLine() throws IOException {
        Files.writeString(jobs.resolve("recipients.txt"), "# x\nleader@jintan.gov.cn\nnot an address\n");
        assertThatThrownBy(() -> JobsFiles.recipients(jobs)).isInstanceOfSatisfying(ConfigurationException.class,
                e -> assertThat(e.getMessage()).contains("recipients.txt:3", "not an e-mail address"));
        Files.writeString(jobs.resolve("recipients.txt"), "leader@jintan.gov.cn\nLeader@jintan.gov.cn\n");
        assertThatThrownBy(() -> JobsFiles.recipients(jobs)).isInstanceOfSatisfying(ConfigurationException.class,
                e -> assertThat(e.getMessage()).contains("recipients.txt:2", "already listed on line 1"));
    }
}
