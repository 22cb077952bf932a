-- A sign-in reserves an attempt before its password is checked (one statement, so parallel tries cannot all slip in
-- under the limit), keyed by the username as typed whether or not it is an account: an unknown name is locked after
-- as many tries as a real one, so the answers do not tell which usernames exist. Replaces migration 002's counters,
-- which were read before the check and counted after it.
CREATE TABLE sign_in_attempt (
  username text PRIMARY KEY,
  attempts integer NOT NULL,
  locked_until timestamptz,
  last_at timestamptz NOT NULL
);

ALTER TABLE link_worker DROP COLUMN failed_sign_ins, DROP COLUMN locked_until
