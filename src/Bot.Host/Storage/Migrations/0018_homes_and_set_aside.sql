-- A post in a couple's home names its couple: just before sending, the sender checks that only the two of them can
-- read the home (when the post quotes anyone's words), and a home that stops taking messages falls back to the
-- couple's private chats instead of losing the post.
ALTER TABLE outbox ADD COLUMN home_couple_id INTEGER;
CREATE INDEX ix_couples_home ON couples (home_platform, home_chat_id) WHERE home_chat_id IS NOT NULL;

-- A message that cannot be read (a damaged row, or one written under another key) is set aside instead of failing
-- every claim: it keeps its place in the table for an operator, but is neither sent nor in its chat's way.
ALTER TABLE outbox ADD COLUMN set_aside_at INTEGER;
DROP INDEX ix_outbox_chat;
CREATE INDEX ix_outbox_chat ON outbox (platform, chat_id, id, not_before, set_aside_at);
