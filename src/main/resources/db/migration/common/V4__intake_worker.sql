-- Remote intake (intake.mode = remote): the worker processes alive, each beating every few seconds,
-- and which intake partition (a BATCH_STEP_EXECUTION) each is running. The manager fails a partition
-- whose worker stopped beating instead of waiting for it forever (job.IntakeWatchdog). Times are the
-- database's (CURRENT_TIMESTAMP), never a machine's clock. Idempotent like every migration.
CREATE TABLE IF NOT EXISTS intake_worker (
    worker  VARCHAR(200) PRIMARY KEY,          -- host:pid:random
    beat_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE IF NOT EXISTS intake_claim (
    step_execution_id BIGINT PRIMARY KEY,
    worker            VARCHAR(200) NOT NULL
);
