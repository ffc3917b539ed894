-- A question or pulse scale waiting in the outbox (held for someone's morning) names its round, so whatever ends the
-- round (reveal, expiry, cool-down, unpairing) withdraws it instead of letting it arrive for a round that is over.
ALTER TABLE outbox ADD COLUMN step_of_round INTEGER;
CREATE INDEX ix_outbox_step_of_round ON outbox (step_of_round) WHERE step_of_round IS NOT NULL;
