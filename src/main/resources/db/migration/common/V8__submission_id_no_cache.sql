-- Ledger ids one at a time (no block of 32 kept in memory, which a killed H2 process loses): with
-- received.tsv written in id order, `rebuild` gives every file its id again, even after kills
-- (job.ArchiveReplay). PostgreSQL's identity already caches 1. Idempotent, the same SQL on both.
ALTER TABLE submission ALTER COLUMN id SET CACHE 1;
