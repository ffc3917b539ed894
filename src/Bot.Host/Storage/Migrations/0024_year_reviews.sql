-- A year together: the year in review reaches each partner on the anniversary of pairing, on their own clock.
-- year_review_checks says when the sweep next looks at a couple (a couple without a row is looked at once it has
-- been paired almost a year); year_reviews records who had which year (or had it passed over), so each goes out
-- once across restarts and nodes. Counts only, no words.
CREATE TABLE year_review_checks (
    couple_id     INTEGER PRIMARY KEY REFERENCES couples (id),
    next_check_at INTEGER NOT NULL
) STRICT;

CREATE INDEX ix_year_review_checks_due ON year_review_checks (next_check_at);

CREATE TABLE year_reviews (
    couple_id INTEGER NOT NULL REFERENCES couples (id),
    person_id INTEGER NOT NULL REFERENCES persons (id),
    year      INTEGER NOT NULL,
    at        INTEGER NOT NULL,
    PRIMARY KEY (couple_id, person_id, year)
) STRICT;
