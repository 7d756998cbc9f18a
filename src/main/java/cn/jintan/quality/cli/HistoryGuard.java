package cn.jintan.quality.cli;

import cn.jintan.quality.messages.Messages;

import java.nio.file.Path;

/**
 * Before {@code run}, {@code schedule} or {@code report} opens the database: when {@code data/archive/}
 * holds files but the database is missing, emptied or damaged, refuse (exit 1) rather than start
 * afresh on an empty database, which would silently drop every earlier submission from the figures.
 */
final class HistoryGuard {

    private HistoryGuard() {
    }

    static void check(Path data) {
        long archived = DatabaseState.archivedFiles(data); // one walk of the archive, however the check ends
        if (archived == 0) {
            return; // a new installation: nothing to lose
        }
        DatabaseState state = DatabaseState.inspect(data);
        Messages m = Messages.catalogue();
        Path backups = data.toAbsolutePath().normalize().resolve("backup");
        if (!state.lostHistory(data, archived)) {
            // every page read once (read-only, small): damage is reported here, not as Spring's failure to start
            String unreadable = state.kind() == DatabaseState.Kind.HISTORY ? state.unreadable() : null;
            if (unreadable != null) {
                throw new DatabaseRefused(m.get("cli.error.corrupt", unreadable, backups));
            }
            return;
        }
        if (state.kind() == DatabaseState.Kind.DAMAGED) {
            String problem = state.problem().contains(state.file().toString()) ? state.problem()
                    : state.file() + ": " + state.problem();
            throw new DatabaseRefused(m.get("cli.error.corrupt", problem, backups));
        }
        if (state.kind() == DatabaseState.Kind.HISTORY) {
            java.util.Set<String> unknown = state.unknownRuns(data);
            throw new DatabaseRefused(m.get("cli.error.history.behind", state.file(), unknown.size(),
                    String.join(", ", unknown), data.toAbsolutePath().normalize().resolve("archive"), backups));
        }
        throw new DatabaseRefused(m.get("cli.error.history.lost", state.file(),
                data.toAbsolutePath().normalize().resolve("archive"), archived, backups));
    }
}
