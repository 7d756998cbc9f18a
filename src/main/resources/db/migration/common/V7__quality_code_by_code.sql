-- quality_code by code first: which accepted submissions report an enterprise, one index lookup
-- per code (store.SharedEnterprises, cross.duplicate_enterprise at intake). Without it a new file's
-- codes were probed in every other accepted submission of the period, one key lookup each, which
-- grows with the number of units (1,300 in a province: 260,000 probes for a 200-row file) and held
-- the period lock meanwhile. store.FileCodes writes a file's codes sorted by code, so this index
-- takes them in ascending order too. Idempotent, the same SQL on H2 and PostgreSQL.
CREATE INDEX IF NOT EXISTS quality_code_uscc ON quality_code (uscc, submission_id);
