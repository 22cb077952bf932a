-- Who did what: sign-ins (and refusals), sign-outs, which referral each link worker opened, decisions, token and
-- account changes. Append-only: the database refuses to change or remove a row.
CREATE TABLE audit_event (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL,
  actor text NOT NULL,
  action text NOT NULL,
  referral_id uuid,
  detail text NOT NULL DEFAULT '',
  address text NOT NULL DEFAULT ''
);

CREATE INDEX audit_event_referral ON audit_event (referral_id, id);

CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only';
END;
$$;

CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();

-- A disabled link worker cannot sign in and has no live session; an administrator may read the audit.
ALTER TABLE link_worker
  ADD COLUMN disabled_at timestamptz,
  ADD COLUMN administrator boolean NOT NULL DEFAULT false
