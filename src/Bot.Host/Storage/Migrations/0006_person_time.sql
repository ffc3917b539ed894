-- Each partner's own clock. time_zone NULL: they go by their couple's zone (so existing couples keep theirs).
ALTER TABLE persons ADD COLUMN time_zone TEXT;
-- Quiet hours as minutes of the local day, from (in) until (out), possibly across midnight; both NULL when off.
-- Everyone starts with 22:00-08:00, so nudges, notes and reminders never wake anyone.
ALTER TABLE persons ADD COLUMN quiet_from INTEGER DEFAULT 1320 CHECK (quiet_from BETWEEN 0 AND 1439);
ALTER TABLE persons ADD COLUMN quiet_until INTEGER DEFAULT 480 CHECK (quiet_until BETWEEN 0 AND 1439);
-- When the person last sent /nudge (Unix ms): one a day.
ALTER TABLE persons ADD COLUMN last_nudge_at INTEGER;

-- A message held for the recipient's quiet hours is not sent before this instant (Unix ms); NULL: send at once.
-- A held row does not hold up the newer rows of its chat; the claim checks older rows' not_before, so the chat
-- index now covers it.
ALTER TABLE outbox ADD COLUMN not_before INTEGER;
DROP INDEX ix_outbox_chat;
CREATE INDEX ix_outbox_chat ON outbox (platform, chat_id, id, not_before);
