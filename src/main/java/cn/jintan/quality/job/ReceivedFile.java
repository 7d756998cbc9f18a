package cn.jintan.quality.job;

import cn.jintan.quality.intake.InputFolder;
import cn.jintan.quality.store.Received;
import cn.jintan.quality.store.StoredSubmission;

import java.nio.file.Path;

/**
 * A file taken from {@code input/} into {@code data/intake/} ({@code source}, as it was when
 * {@code read}), hashed and archived: either a byte duplicate of
 * {@code original}, or a new file still to be validated and stored (its rows stream straight
 * to the database, never held here). A {@code leftover} is the same file this run had already
 * stored before it was interrupted.
 */
record ReceivedFile(Path source, InputFolder.Snapshot read, Received received, StoredSubmission original, boolean leftover) {

    boolean duplicate() {
        return original != null && !leftover;
    }
}
