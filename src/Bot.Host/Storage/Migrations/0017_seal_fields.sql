-- Every stored word becomes bound to its place: SealFieldsMigration (code, run right after this file in the same
-- transaction) re-encrypts each value of SealedColumns with its table, column and row as associated data, and
-- encrypts what was still plain (bucket-list wishes, deck questions, rows from before encryption existed).
-- From here on a value without the cipher's prefix is an error, never read as plain text.
SELECT 1;
