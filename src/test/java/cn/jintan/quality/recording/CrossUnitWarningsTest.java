package cn.jintan.quality.recording;

import cn.jintan.quality.domain.Uscc;
import cn.jintan.quality.intake.Archive;
import cn.jintan.quality.job.NightlyRun;
import cn.jintan.quality.store.Received;
import cn.jintan.quality.store.StoredSubmission;
import cn.jintan.quality.store.SubmissionStatus;
import cn.jintan.quality.store.SubmissionStore;
import cn.jintan.quality.testing.Installation;
import cn.jintan.quality.testing.InstallationRoot;
import cn.jintan.quality.testing.PipelineTest;
import cn.jintan.quality.testing.TestWorkbook;
import cn.jintan.quality.validation.Issue;
import cn.jintan.quality.validation.SubmissionValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static cn.jintan.quality.domain.SubmissionSheet.QUALITY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Files of one month from different units are stored at once without waiting for each other
 * (partitions, worker processes); their {@code cross.duplicate_enterprise} warnings are settled for
 * the whole period afterwards, from the accepted submissions as they then are. Two files of one
 * unit and month are still decided one after the other.
 */
@PipelineTest
class CrossUnitWarningsTest {

    private static final String CODE = "cross.duplicate_enterprise";
    private static final YearMonth RECEIVED_IN = YearMonth.of(2020, 12);

    @InstallationRoot
    static Path root;

    @Autowired
    SubmissionRecorder recorder;

    @Autowired
    SubmissionValidator validator;

    @Autowired
    SubmissionStore store;

    @Autowired
    NightlyRun nightlyRun;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager tx;

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void cleanDatabase() throws IOException {
        Installation.emptyDatabase(jdbc);
        Installation.input(root);
    }

    @Test
    void filesOfOneMonthFromTwoUnitsAreStoredAtOnceAndWarnedOnceBothAreIn() throws Exception {
        // both report the same two enterprises (TestWorkbook's default rows)
        Received zhixi = received(TestWorkbook.valid(), "直溪镇-2020-11.xlsx");
        Received jincheng = received(TestWorkbook.valid().cover("填报单位", "金城镇"), "金城镇-2020-11.xlsx");
        ExecutorService partitions = Executors.newFixedThreadPool(2);
        try {
            // 直溪镇's transaction stays open (not committed) while 金城镇's file is recorded
            Held first = new Held(partitions, zhixi);
            Future<StoredSubmission> second = partitions.submit(() -> inTransaction(() -> record(jincheng)));
            // under a lock of the whole period this waited for 直溪镇's commit (H2's LOCK_TIMEOUT: 10 minutes)
            StoredSubmission other = second.get(60, TimeUnit.SECONDS);
            assertThat(other.status()).isEqualTo(SubmissionStatus.ACCEPTED);
            StoredSubmission one = first.commit();

            // neither saw the other: no warnings yet
            assertThat(warnings(one.id())).isEmpty();
            assertThat(warnings(other.id())).isEmpty();

            List<StoredSubmission> changed = inTransaction(() -> recorder.settleCrossUnit("2020-11"));
            assertThat(changed).extracting(StoredSubmission::id).containsExactlyInAnyOrder(one.id(), other.id());
            assertThat(warnings(one.id())).extracting(Issue::cell).containsExactly("C3", "C4");
            assertThat(warnings(one.id())).extracting(Issue::message).allSatisfy(m -> assertThat(m).contains("金城镇"));
            assertThat(warnings(other.id())).extracting(Issue::message).allSatisfy(m -> assertThat(m).contains("直溪镇"));
            assertThat(warnings(other.id()).get(1).message()).contains(TestWorkbook.CODE_B);

            // settled again, nothing changes (a continued run's second pass)
            assertThat(inTransaction(() -> recorder.settleCrossUnit("2020-11"))).isEmpty();
        } finally {
            partitions.shutdownNow();
        }
    }

    @Test
    void twoFilesOfOneUnitAndMonthAreStillDecidedOneAfterTheOther() throws Exception {
        Received v1 = received(TestWorkbook.valid(), "直溪镇-2020-11.xlsx");
        Received v2 = received(TestWorkbook.valid().set(QUALITY, 0, "企业名称", "江苏直溪新材料有限公司"),
                "直溪镇-2020-11-更正.xlsx");
        ExecutorService partitions = Executors.newFixedThreadPool(2);
        try {
            Held first = new Held(partitions, v1);
            Future<StoredSubmission> second = partitions.submit(() -> inTransaction(() -> record(v2)));
            // the second waits for the first's commit: otherwise both would be version 1
            assertThatThrownBy(() -> second.get(1, TimeUnit.SECONDS)).isInstanceOf(TimeoutException.class);
            StoredSubmission one = first.commit();
            assertThat(one.version()).isEqualTo(1);
            assertThat(second.get(60, TimeUnit.SECONDS).version()).isEqualTo(2);
            assertThat(store.find(one.id()).orElseThrow().status()).isEqualTo(SubmissionStatus.SUPERSEDED);
        } finally {
            partitions.shutdownNow();
        }
    }

    @Test
    void aVersionThatNoLongerSharesAnEnterpriseTakesTheWarningOffTheOtherUnit() throws Exception {
        Installation.drop(root, TestWorkbook.valid(), "直溪镇-2020-11.xlsx");
        Installation.drop(root, TestWorkbook.valid().cover("填报单位", "金城镇"), "金城镇-2020-11.xlsx");
        assertThat(nightlyRun.run().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Path receipts = root.resolve("output/receipts/2020-11");
        assertThat(codes(receipts.resolve("zhixi-2020-11-v1.json"))).containsExactly(CODE, CODE);

        // 金城镇 corrects its codes: it shares nothing with 直溪镇 any more
        Installation.drop(root, TestWorkbook.valid().cover("填报单位", "金城镇")
                .set(QUALITY, 0, "统一社会信用代码", Uscc.complete("91320482MA1Q0A0C1"))
                .set(QUALITY, 1, "统一社会信用代码", Uscc.complete("91320482MA1Q0A0C2")), "金城镇-2020-11-更正.xlsx");
        assertThat(nightlyRun.run().getStatus()).isEqualTo(BatchStatus.COMPLETED);

        // 直溪镇's receipt, written again by the second run, no longer names 金城镇
        assertThat(codes(receipts.resolve("zhixi-2020-11-v1.json"))).isEmpty();
        assertThat(codes(receipts.resolve("jincheng-2020-11-v2.json"))).isEmpty();
        // the superseded version keeps the warnings it had while it counted
        assertThat(codes(receipts.resolve("jincheng-2020-11-v1.json"))).containsExactly(CODE, CODE);
    }

    /** A file recorded in a transaction of another thread, left open (not committed) until {@link #commit}. */
    private final class Held {

        private final CountDownLatch release = new CountDownLatch(1);
        private final Future<StoredSubmission> done;

        Held(ExecutorService thread, Received received) throws InterruptedException {
            CountDownLatch recorded = new CountDownLatch(1);
            done = thread.submit(() -> inTransaction(() -> {
                StoredSubmission s = record(received);
                recorded.countDown();
                release.await();
                return s;
            }));
            assertThat(recorded.await(60, TimeUnit.SECONDS)).isTrue();
        }

        StoredSubmission commit() throws Exception {
            release.countDown();
            return done.get(60, TimeUnit.SECONDS);
        }
    }

    private List<String> codes(Path receipt) throws IOException {
        JsonNode issues = json.readTree(receipt.toFile()).get("issues");
        return issues.valueStream().map(i -> i.get("code").asString()).toList();
    }

    private List<Issue> warnings(long id) {
        return store.issues(id).stream().filter(i -> i.code().equals(CODE)).toList();
    }

    private StoredSubmission record(Received received) {
        return recorder.record(received, rows -> validator.validate(received.archived(), received.fileName(),
                RECEIVED_IN, rows)).submission();
    }

    /** A workbook as the intake has it: archived, with the digest the ledger keys duplicates by. */
    private Received received(TestWorkbook workbook, String name) throws IOException {
        Path file = workbook.write(Files.createTempFile(root, "archived-", ".xlsx"));
        return new Received(name, Archive.sha256(file), file, OffsetDateTime.now(), "cross-unit-test");
    }

    private <T> T inTransaction(Callable<T> work) {
        return new TransactionTemplate(tx).execute(status -> {
            try {
                return work.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
