-- /quiz: a quiz the couple plays, blind like a round. Each partner's own choice and guess per item are their words,
-- encrypted by the application (SealedColumns.QuizChoice and QuizGuess, bound to play, person and item).
CREATE TABLE quiz_plays (
    id            INTEGER PRIMARY KEY,
    couple_id     INTEGER NOT NULL REFERENCES couples (id),
    quiz_id       TEXT    NOT NULL,
    started_by_id INTEGER NOT NULL REFERENCES persons (id),
    state         INTEGER NOT NULL CHECK (state IN (1, 2, 3)),
    started_at    INTEGER NOT NULL,
    closed_at     INTEGER
) STRICT;

CREATE INDEX ix_quiz_plays_couple ON quiz_plays (couple_id, state, closed_at);

CREATE TABLE quiz_answers (
    play_id   INTEGER NOT NULL REFERENCES quiz_plays (id),
    person_id INTEGER NOT NULL REFERENCES persons (id),
    item      INTEGER NOT NULL,
    choice    TEXT    NOT NULL,
    guess     TEXT,
    at        INTEGER NOT NULL,
    PRIMARY KEY (play_id, person_id, item)
) STRICT;

CREATE INDEX ix_quiz_answers_person ON quiz_answers (person_id);
