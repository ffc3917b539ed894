-- Discord interactions whose replies are still to come. The token lets whichever sender runs answer through the
-- interaction during Discord's 15 minutes; it is stored encrypted and the row is deleted once it has expired.
CREATE TABLE discord_interactions (
    id             INTEGER PRIMARY KEY,  -- the interaction's snowflake
    application_id INTEGER NOT NULL,
    token          TEXT    NOT NULL,     -- encrypted
    expires_at     INTEGER NOT NULL,
    acked_at       INTEGER,              -- when Discord was answered; no reply may go out before that
    replied_at     INTEGER               -- when the deferred reply was filled in; later messages are follow-ups
) STRICT;

CREATE INDEX ix_discord_interactions_expiry ON discord_interactions (expires_at);

-- Each person's DM channel with the bot and the newest message of theirs handled there, so DMs sent while the
-- bot was down are fetched and handled after a restart.
CREATE TABLE discord_dm_channels (
    channel_id      INTEGER PRIMARY KEY,
    user_id         INTEGER NOT NULL UNIQUE,
    last_message_id INTEGER NOT NULL
) STRICT;
