package cn.jintan.quality.job;

import cn.jintan.quality.intake.InputFolder;
import cn.jintan.quality.intake.Names;
import cn.jintan.quality.store.VersionLocks;
import cn.jintan.quality.validation.Cover;
import cn.jintan.quality.validation.SubmissionValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The manager's half of the intake step: takes every settled file (those an interrupted run had
 * already taken into data/intake/ first, then those waiting in input/, oldest first) and makes
 * one partition per unit, its files in the order received, so a unit's second version is always
 * recorded after its first. The unit is read from the cover alone; a file whose cover cannot be
 * read is a partition of its own. With one worker, or one file, nothing is read: one partition.
 *
 * <p>A partition's files are listed in its step's execution context, relative to data/intake/.
 * The names carry the manager step's id: a continued run partitions what is left afresh (files
 * already let go are gone from data/intake/, those stored but not let go are finished as
 * leftovers), never re-running an old partition whose list is stale.
 */
class IntakePartitioner implements Partitioner {

    /** The execution context key of a partition's files: a list of relative names (a name may hold any character). */
    static final String FILES = "intake.files";

    /** {@code workers} of a remote manager: one partition per unit, however many worker processes run them. */
    static final int REMOTE = Integer.MAX_VALUE;

    private static final Logger log = LoggerFactory.getLogger(IntakePartitioner.class);

    private final InputFolder input;
    private final SkippedFiles skipped;
    private final SubmissionValidator validator;
    private final VersionLocks locks;
    private final int workers;
    private final String runId;
    private final long managerStepId;

    IntakePartitioner(InputFolder input, SkippedFiles skipped, SubmissionValidator validator, VersionLocks locks,
                      int workers, String runId, long managerStepId) {
        this.input = input;
        this.skipped = skipped;
        this.validator = validator;
        this.locks = locks;
        this.workers = workers;
        this.runId = runId;
        this.managerStepId = managerStepId;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        List<Path> files = take();
        Map<String, List<Path>> groups = new LinkedHashMap<>();
        if (workers == 1 || files.size() < 2) {
            groups.put("all", files);
        } else {
            Set<VersionLocks.Key> keys = new LinkedHashSet<>();
            for (Path file : files) {
                Cover cover = validator.coverOf(file);
                cover.unit().ifPresent(u -> cover.period().ifPresent(p -> keys.add(new VersionLocks.Key(u.code(), p.toString()))));
                String key = cover.unit().map(u -> "unit-" + u.code()).orElse("file-" + file.getParent().getFileName());
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(file);
            }
            locks.create(keys);
        }
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        groups.forEach((key, group) -> {
            ExecutionContext context = new ExecutionContext();
            context.put(FILES, new ArrayList<>(group.stream().map(input::relativeName).toList()));
            partitions.put("s" + managerStepId + "-" + key, context);
        });
        log.info("Intake: {} file(s) in {} partition(s), {}", files.size(), partitions.size(),
                workers == REMOTE ? "for the worker processes" : Math.min(workers, partitions.size()) + " at a time");
        return partitions;
    }

    /** Every file to handle, taken into data/intake/ now; entries not taken are noted for the run summary. */
    private List<Path> take() {
        skipped.start(runId);
        InputFolder.Listing listing = input.scan();
        listing.skipped().forEach(this::skip);
        List<Path> files = new ArrayList<>();
        for (Path earlier : listing.taken()) {
            if (Files.isRegularFile(earlier, LinkOption.NOFOLLOW_LINKS)) {
                files.add(earlier);
            }
        }
        for (InputFolder.Candidate candidate : listing.waiting()) {
            InputFolder.Taken next = input.take(candidate);
            if (next.file() != null) {
                files.add(next.file());
            } else if (next.skipped() != null) {
                skip(next.skipped());
            }
        }
        return files;
    }

    private void skip(InputFolder.Skip skip) {
        skipped.add(runId, skip);
        if (skip.error() != null) {
            log.error("{}: cannot be read, left in input/ ({})", Names.printable(skip.file()), skip.error());
        } else {
            log.warn("{}: not taken ({}), left in input/", Names.printable(skip.file()), skip.reason());
        }
    }
}
