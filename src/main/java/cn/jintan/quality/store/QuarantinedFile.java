package cn.jintan.quality.store;

import java.nio.file.Path;
import java.time.OffsetDateTime;

/** One quarantined file as the run summary lists it: the file, what went wrong and where it is kept. */
public record QuarantinedFile(long submissionId, String fileName, String sha256, OffsetDateTime receivedAt,
                              String archivePath, String errorClass, String errorMessage, String rootCause, Path keptAt) {
}
