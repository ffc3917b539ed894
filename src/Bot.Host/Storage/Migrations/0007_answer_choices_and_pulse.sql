-- Answers the author controls: visibility 1 Shared (default), 2 Private, 3 Held until held_until (Unix ms),
-- shared by the minute sweep, which sets held_delivered_at once.
ALTER TABLE answers ADD COLUMN visibility INTEGER NOT NULL DEFAULT 1 CHECK (visibility IN (1, 2, 3));
ALTER TABLE answers ADD COLUMN held_until INTEGER;
ALTER TABLE answers ADD COLUMN held_delivered_at INTEGER;

-- The sweep: held answers not yet shared, by their day. visibility = 3 is spelled out for the partial index.
CREATE INDEX ix_answers_held_due ON answers (held_until) WHERE visibility = 3 AND held_delivered_at IS NULL;

-- The weekly pulse: one tap per round, person and scale (1 Loved, 2 Heard); value NULL when skipped.
CREATE TABLE pulses (
    round_id  INTEGER NOT NULL REFERENCES rounds (id),
    person_id INTEGER NOT NULL REFERENCES persons (id),
    scale     INTEGER NOT NULL CHECK (scale IN (1, 2)),
    value     INTEGER CHECK (value BETWEEN 1 AND 5),
    at        INTEGER NOT NULL,
    PRIMARY KEY (round_id, person_id, scale)
) STRICT, WITHOUT ROWID;

CREATE INDEX ix_pulses_person ON pulses (person_id);

-- What a person's next text means after they tapped "change" or "hold" on an answer (kind 1 Rewrite, 2 HoldDate).
CREATE TABLE pending_inputs (
    person_id  INTEGER NOT NULL PRIMARY KEY REFERENCES persons (id),
    round_id   INTEGER NOT NULL REFERENCES rounds (id),
    position   INTEGER NOT NULL,
    kind       INTEGER NOT NULL CHECK (kind IN (1, 2)),
    created_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
