-- A held step of a round (a question or a pulse scale) is dropped once the person acts on the round meanwhile;
-- questions were already recognisable by invites_answer, pulse scales by this flag.
ALTER TABLE outbox ADD COLUMN round_step INTEGER NOT NULL DEFAULT 0;
