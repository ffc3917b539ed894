-- The couple's own question bowl; text is encrypted by the application. drawn_at is NULL while a question waits;
-- a drawn question stays (so it never comes back and a near-duplicate can be flagged) until its author's /forget.
CREATE TABLE bowl_questions (
    id          INTEGER PRIMARY KEY,
    couple_id   INTEGER NOT NULL REFERENCES couples (id),
    added_by_id INTEGER NOT NULL REFERENCES persons (id),
    text        TEXT    NOT NULL,
    added_at    INTEGER NOT NULL,
    drawn_at    INTEGER
) STRICT;

CREATE INDEX ix_bowl_questions_couple ON bowl_questions (couple_id, added_at);
CREATE INDEX ix_bowl_questions_added_by ON bowl_questions (added_by_id);
