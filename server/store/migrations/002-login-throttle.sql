-- Failed sign-ins are counted per account, in the database (every process sees them): after several in a row the
-- account waits before another try.
ALTER TABLE link_worker ADD COLUMN failed_sign_ins integer NOT NULL DEFAULT 0;
ALTER TABLE link_worker ADD COLUMN locked_until timestamptz
