-- A bowl question drawn into a round is its author's words: the round remembers who wrote it, so /forget can
-- withdraw it from the journal and from messages still waiting. Rounds drawn before this migration find their
-- author through the bowl question they came from ("bowl:ID").
ALTER TABLE round_questions ADD COLUMN author_id INTEGER REFERENCES persons (id);
UPDATE round_questions
SET author_id = (SELECT b.added_by_id FROM bowl_questions b WHERE 'bowl:' || b.id = round_questions.question_id)
WHERE question_id LIKE 'bowl:%';
CREATE INDEX ix_round_questions_author ON round_questions (author_id) WHERE author_id IS NOT NULL;
