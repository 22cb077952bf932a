-- Reports (issue 18) read counts, never the referrals themselves: one row a (service, ISO week of arrival in the UK,
-- practice, measure, key) with its count. Only referrals are counted by practice (volumes by week and practice); every
-- other measure by week alone (practice ''), so a year of a large area stays some thousands of rows. Triggers keep them, in the transaction that changes a referral or adds a
-- decision, whichever code path or SQL statement writes it (the store's, the caseload's, a bulk load), so a report
-- never disagrees with the rows it counts. Statement triggers with transition tables: one upsert per statement, so a
-- batch of referrals arriving together costs one summary write, not one per row.
CREATE TABLE report_count (
  service_id text NOT NULL,
  week date NOT NULL,
  ods_code text NOT NULL,
  measure text NOT NULL,
  key text NOT NULL,
  n bigint NOT NULL,
  PRIMARY KEY (service_id, week, ods_code, measure, key)
);

-- Working days leave out weekends and the bank holidays of England and Wales (gov.uk, 2024 to 2030).
CREATE TABLE bank_holiday (day date PRIMARY KEY);
INSERT INTO bank_holiday (day) VALUES
  ('2024-01-01'), ('2024-03-29'), ('2024-04-01'), ('2024-05-06'), ('2024-05-27'), ('2024-08-26'), ('2024-12-25'),
  ('2024-12-26'), ('2025-01-01'), ('2025-04-18'), ('2025-04-21'), ('2025-05-05'), ('2025-05-26'), ('2025-08-25'),
  ('2025-12-25'), ('2025-12-26'), ('2026-01-01'), ('2026-04-03'), ('2026-04-06'), ('2026-05-04'), ('2026-05-25'),
  ('2026-08-31'), ('2026-12-25'), ('2026-12-28'), ('2027-01-01'), ('2027-03-26'), ('2027-03-29'), ('2027-05-03'),
  ('2027-05-31'), ('2027-08-30'), ('2027-12-27'), ('2027-12-28'), ('2028-01-03'), ('2028-04-14'), ('2028-04-17'),
  ('2028-05-01'), ('2028-05-29'), ('2028-08-28'), ('2028-12-25'), ('2028-12-26'), ('2029-01-01'), ('2029-03-30'),
  ('2029-04-02'), ('2029-05-07'), ('2029-05-28'), ('2029-08-27'), ('2029-12-25'), ('2029-12-26'), ('2030-01-01'),
  ('2030-04-19'), ('2030-04-22'), ('2030-05-06'), ('2030-05-27'), ('2030-08-26'), ('2030-12-25'), ('2030-12-26');

CREATE FUNCTION report_day(at timestamptz) RETURNS date LANGUAGE sql IMMUTABLE AS $$
  SELECT (at AT TIME ZONE 'Europe/London')::date
$$;

CREATE FUNCTION report_week(at timestamptz) RETURNS date LANGUAGE sql IMMUTABLE AS $$
  SELECT date_trunc('week', at AT TIME ZONE 'Europe/London')::date
$$;

-- Working days after `from` up to and including `to`; 0 when `to` is not after `from`.
CREATE FUNCTION working_days_between(from_day date, to_day date) RETURNS integer LANGUAGE sql STABLE AS $$
  SELECT count(*)::integer FROM generate_series(from_day + 1, to_day, interval '1 day') AS d
  WHERE extract(isodow FROM d) < 6 AND NOT EXISTS (SELECT 1 FROM bank_holiday b WHERE b.day = d::date)
$$;

-- How a sent referral stood against the agreed model: sent with an override; out of scope by a rule (a scope rule
-- fired and the model let it through for review); or in the model. Not known once retention removed the referral.
CREATE FUNCTION report_verdict(referral jsonb) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN referral IS NULL THEN 'not-known'
    WHEN referral -> 'verdict' ? 'overrideReason' THEN 'overridden'
    WHEN EXISTS (SELECT 1 FROM jsonb_array_elements_text(referral -> 'verdict' -> 'rules') AS rule
                 WHERE rule LIKE 'scope.%') THEN 'out-of-scope'
    ELSE 'in-model' END
$$;

-- A decline's reason is free text: counted by its first words, lower case, for the service lead only.
CREATE FUNCTION report_reason(reason text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT left(lower(regexp_replace(trim(reason), '\s+', ' ', 'g')), 80)
$$;

CREATE FUNCTION report_referrals_arrived() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_count AS c (service_id, week, ods_code, measure, key, n)
  SELECT x.service_id, x.week, x.ods_code, x.measure, x.key, count(*)
  FROM (
    SELECT coalesce(a.service_id, '') AS service_id, report_week(a.received_at) AS week,
      CASE WHEN m.measure = 'referrals' THEN a.ods_code ELSE '' END AS ods_code, m.measure, m.key
    FROM (SELECT *, report_verdict(referral) AS verdict FROM arrived) a
    CROSS JOIN LATERAL (
      SELECT 'referrals', ''
      UNION ALL SELECT 'verdict', a.verdict
      UNION ALL SELECT 'safety-flagged', '' WHERE cardinality(a.safety_flags) > 0
      UNION ALL SELECT 'need', need FROM unnest(a.needs) AS need
      UNION ALL SELECT 'need-outside', need FROM unnest(a.needs) AS need WHERE a.verdict <> 'in-model'
    ) AS m(measure, key)
  ) x
  GROUP BY x.service_id, x.week, x.ods_code, x.measure, x.key
  ORDER BY x.service_id, x.week, x.ods_code, x.measure, x.key
  ON CONFLICT (service_id, week, ods_code, measure, key) DO UPDATE SET n = c.n + EXCLUDED.n;
  RETURN NULL;
END;
$$;

CREATE TRIGGER report_referrals_arrived AFTER INSERT ON referral REFERENCING NEW TABLE AS arrived
  FOR EACH STATEMENT EXECUTE FUNCTION report_referrals_arrived();

-- Decisions count against the week their referral arrived, so that a week's row reads as what became of its referrals.
CREATE FUNCTION report_decisions_made() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_count AS c (service_id, week, ods_code, measure, key, n)
  SELECT x.service_id, x.week, x.ods_code, x.measure, x.key, count(*)
  FROM (
    SELECT coalesce(r.service_id, '') AS service_id, report_week(r.received_at) AS week, '' AS ods_code, m.measure, m.key
    FROM made d JOIN referral r ON r.id = d.referral_id
    CROSS JOIN LATERAL (
      SELECT 'decision', d.status
      UNION ALL SELECT 'decline-reason', report_reason(d.reason) WHERE d.status = 'declined' AND d.reason IS NOT NULL
    ) AS m(measure, key)
  ) x
  GROUP BY x.service_id, x.week, x.ods_code, x.measure, x.key
  ORDER BY x.service_id, x.week, x.ods_code, x.measure, x.key
  ON CONFLICT (service_id, week, ods_code, measure, key) DO UPDATE SET n = c.n + EXCLUDED.n;
  RETURN NULL;
END;
$$;

CREATE TRIGGER report_decisions_made AFTER INSERT ON decision REFERENCING NEW TABLE AS made
  FOR EACH STATEMENT EXECUTE FUNCTION report_decisions_made();

-- Working days from arrival to an instant, as a histogram's key (capped at 60: "60 or more").
CREATE FUNCTION report_days(received_at timestamptz, at timestamptz) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT least(working_days_between(report_day(received_at), report_day(at)), 60)::text
$$;

-- A referral's first decision, first contact and closing (migration 011's columns, set by a decision or a case event):
-- counted when set, and moved when changed (a contact attempt recorded later may move first contact earlier). One
-- statement trigger: transition tables are not allowed with a column list, and most updates change none of these.
CREATE FUNCTION report_referrals_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_count AS c (service_id, week, ods_code, measure, key, n)
  SELECT x.service_id, x.week, '', x.measure, x.key, sum(x.n)
  FROM (
    SELECT coalesce(a.service_id, '') AS service_id, report_week(a.received_at) AS week, m.measure, m.key, m.n
    FROM (
      SELECT a.id, a.service_id, a.received_at, a.decided_at, a.first_contact_at, a.closing_reason,
        b.decided_at AS was_decided_at, b.first_contact_at AS was_first_contact_at, b.closing_reason AS was_closing_reason
      FROM after_change a JOIN before_change b ON b.id = a.id
      WHERE a.decided_at IS DISTINCT FROM b.decided_at OR a.first_contact_at IS DISTINCT FROM b.first_contact_at
        OR a.closing_reason IS DISTINCT FROM b.closing_reason
    ) a
    CROSS JOIN LATERAL (
      SELECT 'days-to-decision', report_days(a.received_at, a.was_decided_at), -1
        WHERE a.was_decided_at IS NOT NULL AND a.was_decided_at IS DISTINCT FROM a.decided_at
      UNION ALL SELECT 'days-to-decision', report_days(a.received_at, a.decided_at), 1
        WHERE a.decided_at IS NOT NULL AND a.was_decided_at IS DISTINCT FROM a.decided_at
      UNION ALL SELECT 'days-to-first-contact', report_days(a.received_at, a.was_first_contact_at), -1
        WHERE a.was_first_contact_at IS NOT NULL AND a.was_first_contact_at IS DISTINCT FROM a.first_contact_at
      UNION ALL SELECT 'days-to-first-contact', report_days(a.received_at, a.first_contact_at), 1
        WHERE a.first_contact_at IS NOT NULL AND a.was_first_contact_at IS DISTINCT FROM a.first_contact_at
      UNION ALL SELECT 'closure', a.was_closing_reason, -1
        WHERE a.was_closing_reason IS NOT NULL AND a.was_closing_reason IS DISTINCT FROM a.closing_reason
      UNION ALL SELECT 'closure', a.closing_reason, 1
        WHERE a.closing_reason IS NOT NULL AND a.was_closing_reason IS DISTINCT FROM a.closing_reason
    ) AS m(measure, key, n)
  ) x
  GROUP BY x.service_id, x.week, x.measure, x.key
  HAVING sum(x.n) <> 0
  ORDER BY x.service_id, x.week, x.measure, x.key
  ON CONFLICT (service_id, week, ods_code, measure, key) DO UPDATE SET n = c.n + EXCLUDED.n;
  RETURN NULL;
END;
$$;

CREATE TRIGGER report_referrals_changed AFTER UPDATE ON referral
  REFERENCING OLD TABLE AS before_change NEW TABLE AS after_change
  FOR EACH STATEMENT EXECUTE FUNCTION report_referrals_changed();

-- Wellbeing scores at the start and end of a closed case (case_event, migration 011), when both are complete and of
-- one kind: the change in the SWEMWBS raw score (7 to 35) or in ONS4 life satisfaction (0 to 10), as a histogram.
CREATE FUNCTION report_wellbeing_change(wellbeing jsonb) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN wellbeing #>> '{start,kind}' = 'swemwbs' AND wellbeing #>> '{end,kind}' = 'swemwbs'
      AND (SELECT count(*) FROM jsonb_array_elements(wellbeing #> '{start,items}') e WHERE jsonb_typeof(e) = 'number') = 7
      AND (SELECT count(*) FROM jsonb_array_elements(wellbeing #> '{end,items}') e WHERE jsonb_typeof(e) = 'number') = 7
    THEN 'swemwbs:' || ((SELECT sum(e::text::integer) FROM jsonb_array_elements(wellbeing #> '{end,items}') e)
      - (SELECT sum(e::text::integer) FROM jsonb_array_elements(wellbeing #> '{start,items}') e))::text
    WHEN wellbeing #>> '{start,kind}' = 'ons4' AND wellbeing #>> '{end,kind}' = 'ons4'
      AND jsonb_typeof(wellbeing #> '{start,lifeSatisfaction}') = 'number'
      AND jsonb_typeof(wellbeing #> '{end,lifeSatisfaction}') = 'number'
    THEN 'ons4:' || ((wellbeing #>> '{end,lifeSatisfaction}')::integer
      - (wellbeing #>> '{start,lifeSatisfaction}')::integer)::text
  END
$$;

CREATE FUNCTION report_cases_closed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_count AS c (service_id, week, ods_code, measure, key, n)
  SELECT coalesce(r.service_id, ''), report_week(r.received_at), '', 'wellbeing-change', x.change, count(*)
  FROM (SELECT referral_id, report_wellbeing_change(body #> '{closing,wellbeing}') AS change FROM added
        WHERE body ->> 'kind' = 'closed') x
  JOIN referral r ON r.id = x.referral_id
  WHERE x.change IS NOT NULL
  GROUP BY 1, 2, 5
  ORDER BY 1, 2, 5
  ON CONFLICT (service_id, week, ods_code, measure, key) DO UPDATE SET n = c.n + EXCLUDED.n;
  RETURN NULL;
END;
$$;

CREATE TRIGGER report_cases_closed AFTER INSERT ON case_event REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION report_cases_closed();

-- The pads' counts from the point of referral (migration 012) by week (from the day they were counted): each ending,
-- and each route a redirect took. Checks for no service are kept under service ''.
CREATE FUNCTION report_checks_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_count AS c (service_id, week, ods_code, measure, key, n)
  SELECT x.service_id, x.week, '', x.measure, x.key, sum(x.n)
  FROM (
    SELECT coalesce(k.service_id, '') AS service_id, date_trunc('week', k.day::timestamp)::date AS week, m.measure, m.key, k.n
    FROM counted k
    CROSS JOIN LATERAL (
      SELECT 'check', k.ending
      UNION ALL SELECT 'redirect-route', k.route WHERE k.route IS NOT NULL
    ) AS m(measure, key)
  ) x
  GROUP BY x.service_id, x.week, x.measure, x.key
  ORDER BY x.service_id, x.week, x.measure, x.key
  ON CONFLICT (service_id, week, ods_code, measure, key) DO UPDATE SET n = c.n + EXCLUDED.n;
  RETURN NULL;
END;
$$;

CREATE TRIGGER report_checks_counted AFTER INSERT ON point_of_referral_count REFERENCING NEW TABLE AS counted
  FOR EACH STATEMENT EXECUTE FUNCTION report_checks_counted();

INSERT INTO report_count (service_id, week, ods_code, measure, key, n)
SELECT coalesce(k.service_id, ''), date_trunc('week', k.day::timestamp)::date, '', m.measure, m.key, sum(k.n)
FROM point_of_referral_count k
CROSS JOIN LATERAL (
  SELECT 'check', k.ending
  UNION ALL SELECT 'redirect-route', k.route WHERE k.route IS NOT NULL
) AS m(measure, key)
GROUP BY 1, 2, 3, 4, 5;

-- Referrals already stored are counted once, as if they had just arrived and been decided.
INSERT INTO report_count (service_id, week, ods_code, measure, key, n)
SELECT coalesce(a.service_id, ''), report_week(a.received_at),
  CASE WHEN m.measure = 'referrals' THEN a.ods_code ELSE '' END, m.measure, m.key, count(*)
FROM (SELECT *, report_verdict(referral) AS verdict FROM referral) a
CROSS JOIN LATERAL (
  SELECT 'referrals', ''
  UNION ALL SELECT 'verdict', a.verdict
  UNION ALL SELECT 'safety-flagged', '' WHERE cardinality(a.safety_flags) > 0
  UNION ALL SELECT 'need', need FROM unnest(a.needs) AS need
  UNION ALL SELECT 'need-outside', need FROM unnest(a.needs) AS need WHERE a.verdict <> 'in-model'
) AS m(measure, key)
GROUP BY 1, 2, 3, 4, 5;

INSERT INTO report_count (service_id, week, ods_code, measure, key, n)
SELECT coalesce(r.service_id, ''), report_week(r.received_at), '', m.measure, m.key, count(*)
FROM decision d JOIN referral r ON r.id = d.referral_id
CROSS JOIN LATERAL (
  SELECT 'decision', d.status
  UNION ALL SELECT 'decline-reason', report_reason(d.reason) WHERE d.status = 'declined' AND d.reason IS NOT NULL
) AS m(measure, key)
GROUP BY 1, 2, 3, 4, 5;

INSERT INTO report_count (service_id, week, ods_code, measure, key, n)
SELECT coalesce(r.service_id, ''), report_week(r.received_at), '', m.measure, m.key, count(*)
FROM referral r
CROSS JOIN LATERAL (
  SELECT 'days-to-decision', report_days(r.received_at, r.decided_at) WHERE r.decided_at IS NOT NULL
  UNION ALL SELECT 'days-to-first-contact', report_days(r.received_at, r.first_contact_at) WHERE r.first_contact_at IS NOT NULL
  UNION ALL SELECT 'closure', r.closing_reason WHERE r.closing_reason IS NOT NULL
) AS m(measure, key)
GROUP BY 1, 2, 3, 4, 5;

INSERT INTO report_count (service_id, week, ods_code, measure, key, n)
SELECT coalesce(r.service_id, ''), report_week(r.received_at), '', 'wellbeing-change', x.change, count(*)
FROM (SELECT referral_id, report_wellbeing_change(body #> '{closing,wellbeing}') AS change FROM case_event
      WHERE body ->> 'kind' = 'closed') x
JOIN referral r ON r.id = x.referral_id
WHERE x.change IS NOT NULL
GROUP BY 1, 2, 3, 4, 5;

-- The commissioner reads a service's reports and nothing else. The service sets the out-of-model share (per cent)
-- past which its drift monitor speaks; none: 20.
ALTER TABLE link_worker DROP CONSTRAINT link_worker_role_check;
ALTER TABLE link_worker ADD CONSTRAINT link_worker_role_check
  CHECK (role IN ('link-worker', 'service-lead', 'commissioner'));
ALTER TABLE service ADD COLUMN drift_threshold integer CHECK (drift_threshold BETWEEN 1 AND 100)
