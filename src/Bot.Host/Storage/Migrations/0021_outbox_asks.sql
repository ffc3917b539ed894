-- The round question a message asks (Discord's Answer button carries it into its form), so an answer typed into a
-- form opened under an earlier question is not taken for the current one. Older rows ask nothing in particular.
ALTER TABLE outbox ADD COLUMN asks_round INTEGER;
ALTER TABLE outbox ADD COLUMN asks_position INTEGER;
