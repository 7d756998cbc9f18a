package cn.jintan.quality.job;

import cn.jintan.quality.store.Received;
import cn.jintan.quality.store.StoredSubmission;
import cn.jintan.quality.validation.ParsedRow;
import cn.jintan.quality.validation.Submission;

import java.nio.file.Path;
import java.util.List;

/**
 * A file taken from {@code input/} and checked: either a byte duplicate of {@code original}, or a
 * validated {@code submission} with its valid rows. A {@code leftover} is the same file this run
 * had already stored before it was interrupted.
 */
record ReceivedFile(Path source, Received received, StoredSubmission original, boolean leftover,
                    Submission submission, List<ParsedRow> rows) {

    boolean duplicate() {
        return original != null && !leftover;
    }
}
