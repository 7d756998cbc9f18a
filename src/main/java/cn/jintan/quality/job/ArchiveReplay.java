package cn.jintan.quality.job;

import cn.jintan.quality.PipelineProperties;
import cn.jintan.quality.domain.Period;
import cn.jintan.quality.intake.ReceivedLog;
import cn.jintan.quality.quarantine.Quarantine;
import cn.jintan.quality.receipt.ReceiptIndex;
import cn.jintan.quality.receipt.ReceiptWriter;
import cn.jintan.quality.recording.SubmissionRecorder;
import cn.jintan.quality.report.PeriodReports;
import cn.jintan.quality.store.Received;
import cn.jintan.quality.store.StoredSubmission;
import cn.jintan.quality.store.SubmissionStatus;
import cn.jintan.quality.store.SubmissionStore;
import cn.jintan.quality.validation.SubmissionValidator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code rebuild}: replays every original of {@code data/archive/} into a fresh database in the order
 * received ({@link ReceivedLog}), under its original name, time and run, exactly as the nightly
 * intake stores it (a file per transaction; duplicates, versions and superseding follow from the
 * order; validated as of the month it was received; cross-unit warnings settled after each run's
 * files, as its {@code crossUnit} step did). Then every receipt and the briefing of every
 * period are written again, each period dated as its figures JSON in {@code output/} says it was
 * first issued. Nothing is mailed.
 */
@Component
public class ArchiveReplay {

    private static final Logger log = LoggerFactory.getLogger(ArchiveReplay.class);

    private final ReceivedLog receivedLog;
    private final SubmissionStore store;
    private final SubmissionRecorder recorder;
    private final Quarantine quarantine;
    private final RecordOneFile recordOne;
    private final ReceiptWriter receipts;
    private final PeriodReports reports;
    private final JdbcClient jdbc;
    private final TransactionTemplate perFile;
    private final Path archive;
    private final Path briefings;
    private final ZoneId zone;
    private final Clock clock;
    private final ReceiptIndex index;

    ArchiveReplay(ReceivedLog receivedLog, SubmissionStore store, SubmissionRecorder recorder, Quarantine quarantine,
                  SubmissionValidator validator, ReceiptWriter receipts, PeriodReports reports, JdbcClient jdbc,
                  PlatformTransactionManager tx, PipelineProperties properties, Clock clock, ReceiptIndex index) {
        this.index = index;
        this.receivedLog = receivedLog;
        this.store = store;
        this.recorder = recorder;
        this.quarantine = quarantine;
        this.receipts = receipts;
        this.reports = reports;
        this.jdbc = jdbc;
        this.perFile = new TransactionTemplate(tx);
        TransactionTemplate savepoint = new TransactionTemplate(tx);
        savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.recordOne = new RecordOneFile(recorder, validator, quarantine, savepoint, Duration.ZERO);
        this.archive = properties.archive().toAbsolutePath().normalize();
        this.briefings = properties.output().resolve("briefings");
        this.zone = properties.zone();
        this.clock = clock;
    }

    /** What a replay stored and wrote; {@code missing}: files the log lists that the archive no longer has. */
    public record Result(Map<SubmissionStatus, Integer> statuses, int files, int periods, List<String> missing,
                         int unlogged) {
    }

    public Result replay() {
        List<ReceivedLog.Entry> entries = receivedLog.entries();
        List<ReceivedLog.Entry> unlogged = unlogged(entries);
        // the files to replay: each file's last line, and the originals the log never listed
        Set<ReceivedLog.Entry> kept = new HashSet<>(entries);
        kept.addAll(unlogged);
        List<ReceivedLog.Entry> lines = new ArrayList<>(receivedLog.lines());
        lines.addAll(unlogged);
        List<String> missing = new ArrayList<>();
        String run = null;
        for (ReceivedLog.Entry entry : lines) {
            if (!kept.remove(entry)) {
                useUpAnId(entry); // an attempt a kill rolled back, its file taken again further down
                continue;
            }
            if (run != null && !run.equals(entry.runId())) {
                settleCrossUnit(run);
            }
            run = entry.runId();
            if (!Files.isRegularFile(entry.archived())) {
                log.error("{} (received {}) is listed in {} but its original {} is missing: not replayed",
                        entry.fileName(), entry.receivedAt(),
                        receivedLog.file(), entry.archived());
                missing.add(entry.fileName());
                continue;
            }
            StoredSubmission stored = perFile.execute(status -> store(entry.received()));
            log.info("{}: {} ({})", stored.fileName(), stored.status().json(), Progress.logWhere(stored));
        }
        if (run != null) {
            settleCrossUnit(run);
        }
        List<Long> ids = jdbc.sql("SELECT id FROM submission ORDER BY id").query(Long.class).list();
        Map<SubmissionStatus, Integer> statuses = new EnumMap<>(SubmissionStatus.class);
        List<StoredSubmission> all = ids.stream().map(id -> store.find(id).orElseThrow()).toList();
        all.forEach(s -> statuses.merge(s.status(), 1, Integer::sum));
        receipts.writeAll(all, (s, e) -> {
            throw e;
        });
        List<String> periods = jdbc.sql("SELECT DISTINCT period FROM submission WHERE period IS NOT NULL ORDER BY period")
                .query(String.class).list();
        periods.forEach(index::write); // each period's 报送情况.html, once all its receipts are back
        for (String p : periods) {
            Period period = Period.parse(p).orElseThrow();
            perFile.executeWithoutResult(status -> reports.render(period, firstIssued(period)));
        }
        return new Result(statuses, ids.size(), periods.size(), missing, unlogged.size());
    }

    /**
     * The cross-unit warnings of the periods a run touched, settled where that run settled them
     * (its {@code crossUnit} step, after its files): a version superseded later keeps the warnings
     * it had then.
     */
    private void settleCrossUnit(String runId) {
        perFile.executeWithoutResult(status -> store.periodsOfRun(runId).forEach(recorder::settleCrossUnit));
    }

    /**
     * The ledger id an interrupted attempt used up, used up again (a ledger line opened and rolled
     * back), so that the files after it get their ids again (ids show in receipt names).
     */
    private void useUpAnId(ReceivedLog.Entry attempt) {
        perFile.executeWithoutResult(status -> {
            store.open(attempt.received());
            status.setRollbackOnly();
        });
    }

    /** One file as the nightly intake stores it ({@link RecordOneFile}), an unexpected error quarantining it. */
    private StoredSubmission store(Received received) {
        YearMonth month = YearMonth.from(received.receivedAt().atZoneSameInstant(zone));
        RecordOneFile.Recorded<Void> recorded = recordOne.record(received,
                store.findOriginal(received.sha256()).orElse(null), month, stored -> null);
        if (recorded.quarantined()) {
            Path keep = quarantine.keptAt(recorded.submission());
            log.error("{}: unexpected error while replaying it; quarantined as before ({})", received.fileName(), keep,
                    recorded.error());
            quarantine.putAside(received.archived(), received.archived(), keep, received.fileName());
        }
        return recorded.submission();
    }

    /**
     * Originals archived before the received log existed: each once (their re-sends were never
     * archived again), in the order archived, under their archive name.
     */
    private List<ReceivedLog.Entry> unlogged(List<ReceivedLog.Entry> logged) {
        Set<Path> known = new HashSet<>();
        logged.forEach(e -> known.add(e.archived().toAbsolutePath().normalize()));
        if (!Files.isDirectory(archive)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(archive, 2)) {
            List<Path> found = files.filter(Files::isRegularFile)
                    .map(f -> f.toAbsolutePath().normalize())
                    .filter(f -> !known.contains(f))
                    .filter(f -> !f.getFileName().toString().equals(ReceivedLog.FILE_NAME))
                    .filter(f -> !f.getFileName().toString().endsWith(".part"))
                    .sorted((a, b) -> modified(a).compareTo(modified(b)))
                    .toList();
            if (!found.isEmpty()) {
                log.warn("{} archived original(s) are not in {} (archived before it existed): replayed once each in the "
                        + "order archived, under their archive names; copies re-sent of them cannot be restored", found.size(),
                        receivedLog.file());
            }
            String runId = "rebuild-" + OffsetDateTime.now(clock).toLocalDate();
            return found.stream().map(f -> new ReceivedLog.Entry(modified(f), runId,
                    f.getFileName().toString().replaceFirst("\\..*$", ""), f, f.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + archive, e);
        }
    }

    private OffsetDateTime modified(Path file) {
        try {
            return OffsetDateTime.ofInstant(Files.getLastModifiedTime(file).toInstant(), zone);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The issue date the period's figures JSON in {@code output/} carries, if it is there to read. */
    private LocalDate firstIssued(Period period) {
        Path figures = briefings.resolve(period.toString()).resolve("figures-" + period + ".json");
        if (!Files.isRegularFile(figures)) {
            return null;
        }
        try {
            JsonNode date = JsonMapper.builder().build().readTree(Files.readString(figures)).get("issue_date");
            return date == null || !date.isString() ? null : LocalDate.parse(date.asString());
        } catch (IOException | RuntimeException e) {
            log.warn("{}: issue date unreadable ({}); the briefing is dated today", figures, e.getMessage());
            return null;
        }
    }
}
