package cn.jintan.quality.job;

import cn.jintan.quality.intake.InputFolder;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The entries of input/ a run did not take (links, special files, folders, hidden and unreadable
 * files), for its summary. Kept in memory: a continued run lists input/ again and finds them again.
 */
@Component
class SkippedFiles {

    private final Map<String, List<InputFolder.Skip>> byRun = new ConcurrentHashMap<>();

    /** Forgets what an earlier attempt of this run listed: the step lists input/ afresh. */
    void start(String runId) {
        byRun.put(runId, new CopyOnWriteArrayList<>());
    }

    void add(String runId, InputFolder.Skip skip) {
        byRun.computeIfAbsent(runId, id -> new CopyOnWriteArrayList<>()).add(skip);
    }

    List<InputFolder.Skip> ofRun(String runId) {
        return List.copyOf(byRun.getOrDefault(runId, List.of()));
    }

    /** Files that could not be read: an error the operator must fix (the run exits 1). */
    long unreadable(String runId) {
        return ofRun(runId).stream().filter(s -> s.reason().equals("unreadable")).count();
    }
}
