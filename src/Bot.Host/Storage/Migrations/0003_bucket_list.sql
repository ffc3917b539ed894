-- The couple's shared bucket list; done_at is NULL until they tick an item off.
CREATE TABLE bucket_items (
    id          INTEGER PRIMARY KEY,
    couple_id   INTEGER NOT NULL REFERENCES couples (id),
    text        TEXT    NOT NULL,
    added_by_id INTEGER NOT NULL REFERENCES persons (id),
    added_at    INTEGER NOT NULL,
    done_at     INTEGER
) STRICT;

CREATE INDEX ix_bucket_items_couple ON bucket_items (couple_id, done_at, added_at);
CREATE INDEX ix_bucket_items_added_by ON bucket_items (added_by_id);
