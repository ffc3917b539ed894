-- The gentle /support offer: whether a person turned it off (/support off), and when they last had it (Unix ms),
-- so it comes at most once a quarter. A person without a row has it on and never had it.
CREATE TABLE support_offers (
    person_id        INTEGER PRIMARY KEY REFERENCES persons (id),
    is_off           INTEGER NOT NULL DEFAULT 0 CHECK (is_off IN (0, 1)),
    last_offered_at  INTEGER
) STRICT;
