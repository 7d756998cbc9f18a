-- The date each period's briefing was first issued (印发日期 on its masthead and unit pages).
-- Set by the first render of the period and kept by every later one, so the same database gives
-- the same document whenever it is rendered; only `report --period P --date D` changes it.
-- Idempotent, like every migration (see V2).
CREATE TABLE IF NOT EXISTS briefing_issue (
    period      CHAR(7)                  NOT NULL PRIMARY KEY,  -- YYYY-MM
    issue_date  DATE                     NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL               -- when this date was stored
);
