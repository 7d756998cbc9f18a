-- One row per statistical period (YYYY-MM), locked (SELECT ... FOR UPDATE) by the transaction that
-- decides a file's version, the versions it supersedes and its cross-unit warnings: intake
-- partitions running at once never decide two files of one period together, so neither misses the
-- other's rows (store.PeriodLocks). Idempotent like every migration.
CREATE TABLE IF NOT EXISTS period_lock (
    period CHAR(7) PRIMARY KEY
);
