-- /pause: no check-ins or nudges until this instant (Unix ms); NULL when not paused.
ALTER TABLE couples ADD COLUMN paused_until INTEGER;
