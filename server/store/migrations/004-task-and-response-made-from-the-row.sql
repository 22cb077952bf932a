-- A new referral's Task is the one its referral asks for, and its first response is made from the row, so neither is
-- written with it: the two were a third of the embedded database's insert work (bench). The Task is written when a
-- link worker changes it. Rows from before keep the Task and response they have.
ALTER TABLE referral
  ALTER COLUMN task DROP NOT NULL,
  ALTER COLUMN response DROP NOT NULL,
  ADD COLUMN patient_created boolean
