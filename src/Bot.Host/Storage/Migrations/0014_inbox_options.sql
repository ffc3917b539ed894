-- A Discord slash command arrives with typed options, not text: the inbox keeps them (encrypted JSON, by
-- option name) until the command is handled, so they reach the command catalog as typed as they came.
ALTER TABLE inbox ADD COLUMN options TEXT;
