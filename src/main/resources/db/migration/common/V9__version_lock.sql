-- One row per unit and statistical period, locked (SELECT ... FOR UPDATE) by the transaction that
-- decides a file's version and the versions it supersedes (store.VersionLocks). It replaces V3's
-- lock per period: cross-unit warnings are now settled once per period after the intake
-- (job.SettleCrossUnit), so files of different units of one period no longer wait for each other.
CREATE TABLE IF NOT EXISTS version_lock (
    unit_code VARCHAR(32) NOT NULL,
    period    CHAR(7)     NOT NULL,
    PRIMARY KEY (unit_code, period)
);
DROP TABLE IF EXISTS period_lock;
