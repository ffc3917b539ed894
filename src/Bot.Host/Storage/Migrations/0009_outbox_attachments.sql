-- A file sent with an outbox message (the message text is its caption). content is encrypted by the application
-- (a journal export quotes answers); the row goes with its message.
CREATE TABLE outbox_attachments (
    outbox_id    INTEGER NOT NULL PRIMARY KEY REFERENCES outbox (id) ON DELETE CASCADE,
    kind         INTEGER NOT NULL,
    file_name    TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    content      BLOB    NOT NULL
) STRICT;

-- /export reads a couple's delivered notes.
CREATE INDEX ix_love_notes_couple ON love_notes (couple_id, delivered_at);
