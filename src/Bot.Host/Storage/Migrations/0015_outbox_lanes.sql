-- Replies to what a person just did (lane 0) are sent before scheduled and broadcast messages (lane 1), so a reply
-- never waits behind a weekly fan-out. Rows queued before this migration are background.
ALTER TABLE outbox ADD COLUMN lane INTEGER NOT NULL DEFAULT 1;
DROP INDEX ix_outbox_due;
CREATE INDEX ix_outbox_due ON outbox (lane, next_attempt_at);
