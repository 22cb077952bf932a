-- Retention: some days after a referral's final decision its identifiable details (the referral as sent, the NHS
-- number, the free text of its decisions and Task) are removed; the row stays with its practice, times, status, needs,
-- safety flags and verdict, and its decisions keep who, when and what, so the trail and the counts remain.
ALTER TABLE referral
  ALTER COLUMN referral DROP NOT NULL,
  ALTER COLUMN nhs_number DROP NOT NULL,
  ADD COLUMN details_removed_at timestamptz;

CREATE INDEX referral_closed_with_details ON referral (id)
  WHERE details_removed_at IS NULL AND status IN ('declined', 'redirected', 'completed', 'cancelled')
