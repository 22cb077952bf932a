-- The inbox reads pages in one order: referrals with a safety flag first, newest first, then the rest, oldest first.
-- That order is one number a row keeps (flagged: minus its arrival in milliseconds; others: plus), so that a page is
-- a range of an index (keyset paging, no OFFSET), with or without a status. Safety flags never change after arrival.
ALTER TABLE referral ADD COLUMN inbox_order bigint;
UPDATE referral SET inbox_order = CASE WHEN cardinality(safety_flags) > 0 THEN -1 ELSE 1 END
  * (extract(epoch FROM received_at) * 1000)::bigint;
ALTER TABLE referral ALTER COLUMN inbox_order SET NOT NULL;
DROP INDEX referral_inbox;
CREATE INDEX referral_inbox ON referral (status, inbox_order, id);
CREATE INDEX referral_inbox_any_status ON referral (inbox_order, id);
-- Search by NHS number across practices; the same index finds a practice's earlier referrals of a patient.
DROP INDEX referral_patient;
CREATE INDEX referral_patient ON referral (nhs_number, ods_code)
