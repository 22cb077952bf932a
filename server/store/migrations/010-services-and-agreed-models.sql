-- Services a queue hosts (a PCN's link workers, a voluntary-sector scheme): their details and their capacity, which the
-- service sets. Details are one JSON document read by domain/service's schema.
CREATE TABLE service (
  id text PRIMARY KEY,
  details jsonb NOT NULL,
  capacity jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A model version one side proposes to the other. Versions are numbered by the service, across all its practices.
CREATE TABLE model_proposal (
  id uuid PRIMARY KEY,
  service_id text NOT NULL REFERENCES service (id),
  ods_code text NOT NULL REFERENCES practice (ods_code),
  version integer NOT NULL,
  based_on integer,
  model jsonb NOT NULL,
  side text NOT NULL CHECK (side IN ('practice', 'service')),
  proposed_by jsonb NOT NULL,
  proposed_at timestamptz NOT NULL,
  status text NOT NULL CHECK (status IN ('proposed', 'agreed', 'sent-back')),
  comment text,
  decided_by jsonb,
  decided_at timestamptz,
  CONSTRAINT model_proposal_version UNIQUE (service_id, version)
);

CREATE INDEX model_proposal_practice ON model_proposal (service_id, ods_code, proposed_at);

-- A version both sides agreed. Immutable: the database refuses to change or remove it.
CREATE TABLE agreed_model (
  service_id text NOT NULL REFERENCES service (id),
  version integer NOT NULL,
  ods_code text NOT NULL REFERENCES practice (ods_code),
  proposal_id uuid NOT NULL UNIQUE REFERENCES model_proposal (id),
  model jsonb NOT NULL,
  agreed_by jsonb NOT NULL,
  agreed_at timestamptz NOT NULL,
  review_by date NOT NULL,
  PRIMARY KEY (service_id, version)
);

CREATE INDEX agreed_model_practice ON agreed_model (ods_code, service_id, version);

CREATE FUNCTION agreed_model_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'an agreed model version is never changed or removed';
END;
$$;

CREATE TRIGGER agreed_model_immutable BEFORE UPDATE OR DELETE ON agreed_model
  FOR EACH ROW EXECUTE FUNCTION agreed_model_immutable();
CREATE TRIGGER agreed_model_no_truncate BEFORE TRUNCATE ON agreed_model
  FOR EACH STATEMENT EXECUTE FUNCTION agreed_model_immutable();

-- The service a referral was sent to (none for referrals from before services); its inbox reads this index.
ALTER TABLE referral ADD COLUMN service_id text REFERENCES service (id);
CREATE INDEX referral_service_inbox ON referral (service_id, inbox_order, id);

-- A link worker or service lead belongs to a service; an account with none sees the whole queue, as before.
ALTER TABLE link_worker
  ADD COLUMN service_id text REFERENCES service (id),
  ADD COLUMN role text NOT NULL DEFAULT 'link-worker' CHECK (role IN ('link-worker', 'service-lead'))
