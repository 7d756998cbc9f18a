package cn.jintan.quality.store;

import cn.jintan.quality.intake.ReceivedLog;
import cn.jintan.quality.testing.Installation;
import cn.jintan.quality.testing.InstallationRoot;
import cn.jintan.quality.testing.PipelineTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code rebuild} replays {@code received.tsv} in its order and must give every file its id again
 * (ids show in receipt names). With partitions storing files at once, the log's order is the ids'
 * order only because the line is written under the lock of the insert; without it this fails
 * (CI caught a rebuild whose ids came out swapped).
 */
@PipelineTest
class ReceivedOrderTest {

    private static final int THREADS = 4;
    private static final int FILES = 60;

    @InstallationRoot
    static Path root;

    @Autowired
    SubmissionStore store;

    @Autowired
    ReceivedLog log;

    @Autowired
    JdbcClient jdbc;

    @Test
    void filesStoredByPartitionsAtOnceAreLoggedInTheOrderOfTheirIds() throws Exception {
        Installation.emptyDatabase(jdbc);
        ExecutorService partitions = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int partition = t;
                done.add(partitions.submit(() -> {
                    for (int i = 0; i < FILES; i++) {
                        String name = "p" + partition + "-" + i + ".xlsx";
                        String sha = String.format("%064x", partition * 1000L + i);
                        store.open(new Received(name, sha, root.resolve("data/archive/" + sha + ".xlsx"),
                                OffsetDateTime.now(), "order-test"));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            partitions.shutdown();
        }
        List<String> byId = jdbc.sql("SELECT file_name FROM submission WHERE run_id = 'order-test' ORDER BY id")
                .query(String.class).list();
        List<String> logged = log.entries().stream().filter(e -> e.runId().equals("order-test"))
                .map(ReceivedLog.Entry::fileName).toList();
        assertThat(byId).hasSize(THREADS * FILES);
        assertThat(logged).isEqualTo(byId);
    }
}
