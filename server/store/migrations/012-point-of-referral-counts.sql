-- Counts from the point of referral (issue 18): how each check in the pad ended, per practice and UK day, with no
-- patient data. Each browser sends its own batches (several in a practice count their own checks), each once under
-- its key: a repeat of a key is the same batch, never counted again.
CREATE TABLE point_of_referral_batch (
  ods_code text NOT NULL REFERENCES practice (ods_code),
  batch_key text NOT NULL,
  day date NOT NULL,
  body_hash text NOT NULL,
  received_at timestamptz NOT NULL,
  PRIMARY KEY (ods_code, batch_key)
);

-- One ending (and, for a redirect, its route) of one service and model version in one batch. Checked = the sum.
CREATE TABLE point_of_referral_count (
  ods_code text NOT NULL,
  batch_key text NOT NULL,
  day date NOT NULL,
  service_id text REFERENCES service (id),
  model_version integer,
  ending text NOT NULL CHECK (ending IN ('sent-in-model', 'sent-with-override', 'redirected', 'abandoned')),
  route text,
  n integer NOT NULL CHECK (n > 0),
  CONSTRAINT point_of_referral_count_route CHECK ((route IS NOT NULL) = (ending = 'redirected')),
  FOREIGN KEY (ods_code, batch_key) REFERENCES point_of_referral_batch (ods_code, batch_key)
);

CREATE INDEX point_of_referral_count_batch ON point_of_referral_count (ods_code, batch_key);
CREATE INDEX point_of_referral_count_service_day ON point_of_referral_count (service_id, day);
CREATE INDEX point_of_referral_count_day ON point_of_referral_count (day)
