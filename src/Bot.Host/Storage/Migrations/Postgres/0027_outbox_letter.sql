-- PostgreSQL twin of ../0027_outbox_letter.sql (same tables and columns; bigint for INTEGER, bytea for BLOB).
-- A message's shape when it has one (a reveal as a letter: sections, answers), sealed like its text; platforms that
-- can show it render it (Telegram HTML, Discord embeds), the text stays its plain form. Older rows have none.
ALTER TABLE outbox ADD COLUMN letter text;
