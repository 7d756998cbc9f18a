-- The rows of the enterprises (USCC) that two or more accepted submissions of a period report, and
-- which of them the district counts: the one of the unit first in code order (counted). Written by
-- store.PeriodOverlap each time a period's figures are added up, from one pass over the period's
-- quality_code in code order, so the queries that take the other rows off the sums join by key
-- instead of probing every submission for every code (which took a province-sized month over 13
-- minutes). Derived data: rewritten whole per period, never edited. Same SQL on H2 and PostgreSQL.
CREATE TABLE IF NOT EXISTS period_overlap (
    period        CHAR(7) NOT NULL,
    submission_id BIGINT  NOT NULL,
    row_no        INT     NOT NULL,
    counted       BOOLEAN NOT NULL,
    PRIMARY KEY (period, submission_id, row_no)
);
