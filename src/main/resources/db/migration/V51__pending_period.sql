-- Periods a daytime intake pass of `schedule` changed (issue 12): their briefings wait for the
-- nightly run, which renders and mails them with its own periods and then clears them. A table, not
-- a comparison of run ids, so a restart or a clock set back loses none. Idempotent, like every migration (see V2).
CREATE TABLE IF NOT EXISTS pending_period (
    period  CHAR(7)     NOT NULL PRIMARY KEY,
    run_id  VARCHAR(64) NOT NULL   -- the intake pass that noted it last
);
