-- Per-submission sums, taken once when a submission is accepted (store.Tallies), so a briefing
-- adds up a few rows per unit instead of scanning every row of the period each time it needs a
-- figure. Submissions accepted before this table existed are tallied on first use.
CREATE TABLE IF NOT EXISTS submission_tally (
    submission_id BIGINT        NOT NULL REFERENCES submission (id),
    figure        VARCHAR(64)   NOT NULL,  -- an indicator key, or an internal count (Tallies)
    tally_value   DECIMAL(20,2) NOT NULL,
    PRIMARY KEY (submission_id, figure)
);

-- The industry-chain table of the briefing, per submission and 所属产业.
CREATE TABLE IF NOT EXISTS submission_industry (
    submission_id   BIGINT      NOT NULL REFERENCES submission (id),
    industry        VARCHAR(32) NOT NULL,
    enterprises     INT         NOT NULL,
    key_enterprises INT         NOT NULL,
    cqo_enterprises INT         NOT NULL,
    standards       INT         NOT NULL,
    PRIMARY KEY (submission_id, industry)
);
