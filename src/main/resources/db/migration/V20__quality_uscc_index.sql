-- cross.duplicate_enterprise joins quality_row to itself on uscc: without this index a
-- million-row submission makes that join a scan per row. Idempotent like every migration.
CREATE INDEX IF NOT EXISTS quality_uscc ON quality_row (uscc);
