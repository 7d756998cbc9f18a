package cn.jintan.quality.store;

import java.nio.file.Path;
import java.time.OffsetDateTime;

/** A file as taken from {@code input/}: its name, content hash, archived copy and when it came in. */
public record Received(String fileName, String sha256, Path archived, OffsetDateTime receivedAt, String runId) {
}
