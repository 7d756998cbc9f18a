-- The enterprise codes (USCC) of 质量提升 in a table of their own, keyed by submission then code:
-- cross.duplicate_enterprise and the district's once-per-enterprise stock look a code up in each
-- accepted submission of the period. An accepted file's codes are written once, sorted
-- (store.FileCodes), so they append to the end of the key instead of landing on random pages of
-- the former quality_row(uscc) index, whose upkeep was most of the cost of a million-row file
-- (docs/performance.md). Rows are reached from a code by (submission_id, row_no). No foreign key:
-- H2 would give it an index of its own (it reuses only an index of exactly its columns), and only
-- store.FileCodes writes here, with its file's ledger id, in that file's transaction. Idempotent,
-- and the same SQL on H2 and PostgreSQL.
CREATE TABLE IF NOT EXISTS quality_code (
    submission_id BIGINT   NOT NULL,
    uscc          CHAR(18) NOT NULL,
    row_no        INT      NOT NULL,
    PRIMARY KEY (submission_id, uscc)
);
-- the rows stored before this migration (a stored submission never repeats a code: row.duplicate)
INSERT INTO quality_code (submission_id, uscc, row_no)
SELECT q.submission_id, q.uscc, q.row_no FROM quality_row q
WHERE NOT EXISTS (SELECT 1 FROM quality_code c WHERE c.submission_id = q.submission_id AND c.uscc = q.uscc);

DROP INDEX IF EXISTS quality_uscc;
CREATE INDEX IF NOT EXISTS quality_row_no ON quality_row (submission_id, row_no);
