-- Love notes and time capsules; text is encrypted by the application. delivered_at is NULL while a note waits.
CREATE TABLE love_notes (
    id           INTEGER PRIMARY KEY,
    couple_id    INTEGER NOT NULL REFERENCES couples (id),
    from_id      INTEGER NOT NULL REFERENCES persons (id),
    to_id        INTEGER NOT NULL REFERENCES persons (id),
    text         TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    deliver_at   INTEGER NOT NULL,
    delivered_at INTEGER,
    is_capsule   INTEGER NOT NULL CHECK (is_capsule IN (0, 1))
) STRICT;

CREATE INDEX ix_love_notes_due ON love_notes (deliver_at) WHERE delivered_at IS NULL;
CREATE INDEX ix_love_notes_from ON love_notes (from_id);
