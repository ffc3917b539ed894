-- PostgreSQL twin of ../0023_support_offers.sql (same tables and columns; bigint for INTEGER, bytea for BLOB).
-- The gentle /support offer: whether a person turned it off (/support off), and when they last had it (Unix ms),
-- so it comes at most once a quarter. A person without a row has it on and never had it.
CREATE TABLE support_offers (
    person_id        bigint PRIMARY KEY REFERENCES persons (id),
    is_off           bigint NOT NULL DEFAULT 0 CHECK (is_off IN (0, 1)),
    last_offered_at  bigint
);
