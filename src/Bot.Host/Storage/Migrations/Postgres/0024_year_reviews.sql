-- PostgreSQL twin of ../0024_year_reviews.sql (same tables and columns; bigint for INTEGER, bytea for BLOB).
-- A year together: the year in review reaches each partner on the anniversary of pairing, on their own clock.
-- year_review_checks says when the sweep next looks at a couple (a couple without a row is looked at once it has
-- been paired almost a year); year_reviews records who had which year (or had it passed over), so each goes out
-- once across restarts and nodes. Counts only, no words.
CREATE TABLE year_review_checks (
    couple_id     bigint PRIMARY KEY REFERENCES couples (id),
    next_check_at bigint NOT NULL
);

CREATE INDEX ix_year_review_checks_due ON year_review_checks (next_check_at);

CREATE TABLE year_reviews (
    couple_id bigint NOT NULL REFERENCES couples (id),
    person_id bigint NOT NULL REFERENCES persons (id),
    year      bigint NOT NULL,
    at        bigint NOT NULL,
    PRIMARY KEY (couple_id, person_id, year)
);
