-- Editing the message that gave an answer changes the answer while its round is open: each answer remembers the
-- platform's id of that message, and the inbox keeps the id of each text and edit until it is processed.
ALTER TABLE answers ADD COLUMN source_message TEXT;
ALTER TABLE inbox ADD COLUMN message_id TEXT;
