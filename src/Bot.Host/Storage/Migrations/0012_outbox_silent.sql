-- News that goes out during the recipient's quiet hours (a reveal, a partner's notice) arrives without a sound.
ALTER TABLE outbox ADD COLUMN silent INTEGER NOT NULL DEFAULT 0;
