package cn.jintan.quality.store;

/**
 * Where each file received is noted, just before its ledger line is inserted and under the same
 * lock: the journal's order is then the order of the ledger's ids, even with several partitions
 * inserting at once, and {@code rebuild} replaying the journal gives every file its id again
 * (ids show in receipt names such as {@code -dup7}). Implemented by {@code intake.ReceivedLog}.
 */
public interface ReceivedJournal {

    /** Notes {@code received}; noting what is already there (a replay, a second line of one file) adds nothing. */
    void note(Received received);
}
