-- A referral row is a few kilobytes: above Postgres' default 2 KB it compressed each one as it was written, which cost
-- the embedded database a sixth of its insert time (bench). Rows up to a page are now kept whole and uncompressed; the
-- disk they take is small beside what a link worker's inbox needs.
ALTER TABLE referral SET (toast_tuple_target = 8160)
