-- A partner's ask, made when unpairing, to delete the couple's shared journal; carried out only if the other agrees.
CREATE TABLE journal_erase_requests (
    couple_id       INTEGER NOT NULL PRIMARY KEY REFERENCES couples (id),
    requested_by_id INTEGER NOT NULL REFERENCES persons (id),
    requested_at    INTEGER NOT NULL
) STRICT;
