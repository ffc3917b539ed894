-- Voice notes, photos and videos partners give in place of words. content (the file) and source (where the
-- platform keeps it: file id, address) are encrypted by the application, bound to the row; /forget deletes by person.
CREATE TABLE media (
    id           INTEGER PRIMARY KEY,
    couple_id    INTEGER NOT NULL REFERENCES couples (id),
    person_id    INTEGER NOT NULL REFERENCES persons (id),
    kind         INTEGER NOT NULL,
    source       TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    content      BLOB    NOT NULL
) STRICT;

CREATE INDEX ix_media_person ON media (person_id);
CREATE INDEX ix_media_couple ON media (couple_id);

-- The photo journal; text is encrypted by the application. next_recall_after: when "on this day" looks next.
CREATE TABLE memories (
    id                INTEGER PRIMARY KEY,
    couple_id         INTEGER NOT NULL REFERENCES couples (id),
    author_id         INTEGER NOT NULL REFERENCES persons (id),
    text              TEXT,
    media_id          INTEGER,
    media_kind        INTEGER,
    created_at        INTEGER NOT NULL,
    next_recall_after INTEGER NOT NULL
) STRICT;

CREATE INDEX ix_memories_couple ON memories (couple_id, created_at);
CREATE INDEX ix_memories_author ON memories (author_id);
CREATE INDEX ix_memories_recall ON memories (next_recall_after);

-- An answer or a note may be a file; its text then describes it (and carries any caption).
ALTER TABLE answers ADD COLUMN media_id INTEGER;
ALTER TABLE love_notes ADD COLUMN media_id INTEGER;

-- A file that came with an update (kind, where the platform keeps it, size); encrypted like the text.
ALTER TABLE inbox ADD COLUMN media TEXT;

-- Where the platform the file came from keeps it, so that platform can resend it by reference; encrypted.
ALTER TABLE outbox_attachments ADD COLUMN source TEXT;
