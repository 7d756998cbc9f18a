-- Where each enterprise's code stood (e.g. C7), so a warning raised later (cross.duplicate_enterprise)
-- can name the cell in both units' receipts.
ALTER TABLE quality_row ADD COLUMN IF NOT EXISTS uscc_cell VARCHAR(16);
ALTER TABLE financing_row ADD COLUMN IF NOT EXISTS uscc_cell VARCHAR(16);
