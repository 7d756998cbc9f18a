-- (Written as V40 on its branch; renumbered V41 beside V40__submission_fault.)
-- The row tables' identity ids were never read (rows are found by submission_id, uscc, row_no);
-- generating and storing one per row cost ~15 % of the CPU of inserting a million rows. Without
-- a primary key H2 keys the rows by its own row id, in insertion order as before. H2 rebuilds the
-- table once (~12 s for a million stored rows). Idempotent like every migration (see V2).
ALTER TABLE quality_row DROP COLUMN IF EXISTS id;
ALTER TABLE financing_row DROP COLUMN IF EXISTS id;
ALTER TABLE fee_row DROP COLUMN IF EXISTS id;
