-- The briefing lists at most 200 honoured enterprises, highest honours first, then by unit and
-- row. Ordering every honoured row of a million-row period took seconds; with the rank stored
-- (computed by H2 from the row, so no writer can get it wrong) and indexed after the submission,
-- each (rank, submission) step of the list reads only the rows it shows.
-- NULL: not honoured. 0: 江苏精品 or 标准领跑者; 1: 省长质量奖; 2: 市长质量奖; 3: 区长质量奖 (applied for).
ALTER TABLE quality_row ADD COLUMN IF NOT EXISTS honour_rank TINYINT GENERATED ALWAYS AS (
    CASE WHEN jiangsu_boutique OR standard_leader THEN 0
         WHEN award = 'GOVERNOR' THEN 1
         WHEN award = 'MAYOR' THEN 2
         WHEN award = 'DISTRICT' THEN 3 END);
CREATE INDEX IF NOT EXISTS quality_honours ON quality_row (submission_id, honour_rank, row_no);
