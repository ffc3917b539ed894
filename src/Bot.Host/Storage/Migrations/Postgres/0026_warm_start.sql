-- PostgreSQL twin of ../0026_warm_start.sql (same tables and columns; bigint for INTEGER, bytea for BLOB).
-- The warm start after pairing. A new couple's zone and weekly slot are defaults until someone sets them: while the
-- zone is a guess, a partner without a zone of their own has nothing held for quiet hours on it. Couples paired
-- before this keep their zone and slot as chosen.
ALTER TABLE couples ADD COLUMN time_zone_is_guess bigint NOT NULL DEFAULT 0 CHECK (time_zone_is_guess IN (0, 1));
ALTER TABLE couples ADD COLUMN slot_is_default bigint NOT NULL DEFAULT 0 CHECK (slot_is_default IN (0, 1));

-- What a person's next plain text means during the warm start (1 a city or zone, 2 a weekly slot).
ALTER TABLE persons ADD COLUMN awaiting bigint CHECK (awaiting IN (1, 2));
ALTER TABLE persons ADD COLUMN awaiting_since bigint;
