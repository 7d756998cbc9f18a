-- A test-only migration: the shape of the next change to the schema (MigrationResumeTest). Idempotent
-- like every migration (see V2__baseline.sql).
ALTER TABLE submission ADD COLUMN IF NOT EXISTS note VARCHAR(200);
CREATE INDEX IF NOT EXISTS submission_note ON submission (note);
