-- Timestamps are INTEGER Unix milliseconds (UTC); enums and platforms are INTEGER.
-- Partial indexes spell out state = 1 (RoundState.Open) literally: SQLite only uses a partial index when the
-- query's WHERE clause contains the index's condition, and a bound parameter never matches it.

CREATE TABLE persons (
    id                     INTEGER PRIMARY KEY,
    platform               INTEGER NOT NULL,
    external_id            TEXT    NOT NULL,
    display_name           TEXT    NOT NULL,
    private_chat_id        TEXT,
    is_reachable           INTEGER NOT NULL DEFAULT 1,
    join_failures          INTEGER NOT NULL DEFAULT 0,
    join_window_started_at INTEGER,
    created_at             INTEGER NOT NULL,
    UNIQUE (platform, external_id)
) STRICT;

CREATE INDEX ix_persons_private_chat ON persons (platform, private_chat_id) WHERE private_chat_id IS NOT NULL;

CREATE TABLE couples (
    id               INTEGER PRIMARY KEY,
    partner_a_id     INTEGER NOT NULL REFERENCES persons (id),
    partner_b_id     INTEGER NOT NULL REFERENCES persons (id),
    time_zone        TEXT    NOT NULL,
    schedule_day     INTEGER NOT NULL CHECK (schedule_day BETWEEN 0 AND 6),
    schedule_minute  INTEGER NOT NULL CHECK (schedule_minute BETWEEN 0 AND 1439),
    schedule_enabled INTEGER NOT NULL,
    next_checkin_at  INTEGER,
    home_platform    INTEGER,
    home_chat_id     TEXT,
    created_at       INTEGER NOT NULL,
    ended_at         INTEGER,
    CHECK ((home_platform IS NULL) = (home_chat_id IS NULL))
) STRICT;

-- The minute sweep: active couples by next check-in.
CREATE INDEX ix_couples_due_checkin ON couples (next_checkin_at)
    WHERE ended_at IS NULL AND next_checkin_at IS NOT NULL;
-- Full, not partial: SQLite's multi-index OR (partner_a_id = ? OR partner_b_id = ?) skips partial indexes.
CREATE INDEX ix_couples_partner_a ON couples (partner_a_id);
CREATE INDEX ix_couples_partner_b ON couples (partner_b_id);

CREATE TABLE invites (
    code       TEXT    NOT NULL PRIMARY KEY,
    owner_id   INTEGER NOT NULL REFERENCES persons (id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER,
    used_by_id INTEGER REFERENCES persons (id)
) STRICT, WITHOUT ROWID;

CREATE INDEX ix_invites_owner ON invites (owner_id);

CREATE TABLE rounds (
    id          INTEGER PRIMARY KEY,
    couple_id   INTEGER NOT NULL REFERENCES couples (id),
    kind        INTEGER NOT NULL,
    deck_id     TEXT,
    state       INTEGER NOT NULL,
    opened_at   INTEGER NOT NULL,
    remind_at   INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    reminded_at INTEGER,
    closed_at   INTEGER
) STRICT;

CREATE UNIQUE INDEX ux_rounds_open_per_couple ON rounds (couple_id) WHERE state = 1;
CREATE INDEX ix_rounds_due_reminder ON rounds (remind_at) WHERE state = 1 AND reminded_at IS NULL;
CREATE INDEX ix_rounds_due_expiry ON rounds (expires_at) WHERE state = 1;
CREATE INDEX ix_rounds_couple ON rounds (couple_id, state, closed_at);

CREATE TABLE round_questions (
    round_id    INTEGER NOT NULL REFERENCES rounds (id),
    position    INTEGER NOT NULL,
    question_id TEXT,
    text        TEXT    NOT NULL,
    PRIMARY KEY (round_id, position)
) STRICT, WITHOUT ROWID;

-- text is NULL when the person passed.
CREATE TABLE answers (
    round_id    INTEGER NOT NULL,
    position    INTEGER NOT NULL,
    person_id   INTEGER NOT NULL REFERENCES persons (id),
    text        TEXT,
    answered_at INTEGER NOT NULL,
    PRIMARY KEY (round_id, position, person_id),
    FOREIGN KEY (round_id, position) REFERENCES round_questions (round_id, position)
) STRICT, WITHOUT ROWID;

CREATE INDEX ix_answers_person ON answers (person_id);

CREATE TABLE drawn_questions (
    couple_id   INTEGER NOT NULL REFERENCES couples (id),
    deck_id     TEXT    NOT NULL,
    question_id TEXT    NOT NULL,
    drawn_at    INTEGER NOT NULL,
    PRIMARY KEY (couple_id, deck_id, question_id)
) STRICT, WITHOUT ROWID;

-- AUTOINCREMENT: ids are never reused, so a sender holding an id of a deleted row cannot touch a newer one.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    platform        INTEGER NOT NULL,
    chat_id         TEXT    NOT NULL,
    text            TEXT    NOT NULL,
    choices         TEXT    NOT NULL,
    invites_answer  INTEGER NOT NULL DEFAULT 0,
    created_at      INTEGER NOT NULL,
    next_attempt_at INTEGER NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    parts_sent      INTEGER NOT NULL DEFAULT 0,
    claimed_until   INTEGER,
    last_error      TEXT
) STRICT;

CREATE INDEX ix_outbox_due ON outbox (next_attempt_at);
CREATE INDEX ix_outbox_chat ON outbox (platform, chat_id, id);

CREATE TABLE outbox_words (
    outbox_id INTEGER NOT NULL REFERENCES outbox (id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL,
    PRIMARY KEY (outbox_id, person_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX ix_outbox_words_person ON outbox_words (person_id);

-- Content columns are NULLed once processed; the row stays (until purged) so update_key keeps deduplicating.
CREATE TABLE inbox (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    update_key    TEXT    NOT NULL UNIQUE,
    chat_key      TEXT,
    received_at   INTEGER NOT NULL,
    processed_at  INTEGER,
    kind          INTEGER,
    from_platform INTEGER,
    from_id       TEXT,
    from_name     TEXT,
    chat_platform INTEGER,
    chat_id       TEXT,
    is_private    INTEGER,
    command       TEXT,
    arguments     TEXT,
    text          TEXT,
    payload       TEXT,
    reply_platform   INTEGER,
    reply_chat_id    TEXT,
    private_platform INTEGER,
    private_chat_id  TEXT
) STRICT;

-- Serves both the pending queue (processed_at IS NULL, in id order) and the purge (processed_at < ?).
CREATE INDEX ix_inbox_processed ON inbox (processed_at);
