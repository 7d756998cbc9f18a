-- V7's index served one lookup by code per row of each new file (cross.duplicate_enterprise at
-- intake). The warnings are now settled once per period from one pass over the period's codes
-- (store.SharedCodeScan, by the key (submission_id, uscc), sorted), which does not use it; it
-- cost the 1M-row file about 3-5 s and 120 MB of H2 file. Idempotent, the same SQL on H2 and
-- PostgreSQL.
DROP INDEX IF EXISTS quality_code_uscc;
