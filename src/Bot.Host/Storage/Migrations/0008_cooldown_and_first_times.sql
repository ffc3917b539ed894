-- /cooldown: the pause ends at cooldown_until (Unix ms; NULL when none runs); the topic is encrypted by the
-- application because the asker wrote it.
ALTER TABLE couples ADD COLUMN cooldown_until INTEGER;
ALTER TABLE couples ADD COLUMN cooldown_by_id INTEGER REFERENCES persons (id);
ALTER TABLE couples ADD COLUMN cooldown_topic TEXT;

-- The monthly "first time": when the next proposal is due. Couples paired before this migration get their first
-- one in about a month; the sweep moves one that lands outside the daytime to the next 10:00 on their clock.
ALTER TABLE couples ADD COLUMN next_first_time_at INTEGER;
UPDATE couples SET next_first_time_at = (CAST(strftime('%s', 'now') AS INTEGER) + 30 * 86400) * 1000
WHERE ended_at IS NULL;

CREATE INDEX ix_couples_due_cooldown ON couples (cooldown_until)
    WHERE ended_at IS NULL AND cooldown_until IS NOT NULL;
CREATE INDEX ix_couples_due_first_time ON couples (next_first_time_at)
    WHERE ended_at IS NULL AND next_first_time_at IS NOT NULL;

-- Proposals name their idea by reference only (a bucket item id or an idea id), never by anyone's words.
-- follow_up_at is set while an accepted idea waits for its "did you do it?" a week later.
CREATE TABLE first_times (
    id           INTEGER PRIMARY KEY,
    couple_id    INTEGER NOT NULL REFERENCES couples (id),
    source       INTEGER NOT NULL CHECK (source IN (1, 2)),
    ref          TEXT    NOT NULL,
    state        INTEGER NOT NULL CHECK (state BETWEEN 1 AND 5),
    proposed_at  INTEGER NOT NULL,
    follow_up_at INTEGER,
    decided_at   INTEGER
) STRICT;

CREATE INDEX ix_first_times_couple ON first_times (couple_id, id);
CREATE INDEX ix_first_times_due_follow_up ON first_times (follow_up_at)
    WHERE state = 2 AND follow_up_at IS NOT NULL;
