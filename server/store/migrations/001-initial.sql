-- Practices and their bearer tokens: only a SHA-256 hash of each token is kept.
CREATE TABLE practice (
  ods_code text PRIMARY KEY,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE practice_token (
  id text PRIMARY KEY,
  ods_code text NOT NULL REFERENCES practice (ods_code),
  token_hash text NOT NULL UNIQUE,
  label text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz,
  revoked_at timestamptz
);

-- Link workers sign in with a password (argon2id hash) and get a session; only a hash of the session id is kept.
CREATE TABLE link_worker (
  username text PRIMARY KEY,
  display_name text NOT NULL,
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE link_worker_session (
  id_hash text PRIMARY KEY,
  username text NOT NULL REFERENCES link_worker (username) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);

-- One row a referral: the referral as read from its Bundle, its Task as the referrer sees it, and the delivery's
-- idempotency record (key, body hash, the response first given), so that a retry is answered without a second row.
CREATE TABLE referral (
  id uuid PRIMARY KEY,
  ods_code text NOT NULL REFERENCES practice (ods_code),
  idempotency_key text,
  body_hash text NOT NULL,
  patient_id uuid NOT NULL,
  nhs_number text NOT NULL,
  received_at timestamptz NOT NULL,
  status text NOT NULL,
  needs text[] NOT NULL,
  safety_flags text[] NOT NULL,
  verdict_outcome text NOT NULL,
  referral jsonb NOT NULL,
  task jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  response jsonb NOT NULL,
  CONSTRAINT referral_idempotency UNIQUE (ods_code, idempotency_key)
);

CREATE INDEX referral_inbox ON referral (received_at, id);
CREATE INDEX referral_patient ON referral (ods_code, nhs_number);

-- Every decision a link worker makes: who, when, what. Never updated or deleted.
CREATE TABLE decision (
  id serial PRIMARY KEY,
  referral_id uuid NOT NULL REFERENCES referral (id),
  status text NOT NULL,
  reason text,
  note text,
  redirect_to text,
  by_username text NOT NULL REFERENCES link_worker (username),
  by_name text NOT NULL,
  at timestamptz NOT NULL
);

CREATE INDEX decision_referral ON decision (referral_id, id);
