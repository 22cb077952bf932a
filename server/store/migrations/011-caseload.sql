-- The link worker's caseload: what happens to a referral after arrival, one append-only row per event (assignment,
-- contact attempts, notes, next action, waiting list, closing), and the columns of `referral` the views are read from,
-- kept by the store in the same transaction as each event.
CREATE TABLE case_event (
  id bigserial PRIMARY KEY,
  referral_id uuid NOT NULL REFERENCES referral (id),
  at timestamptz NOT NULL,
  by_username text NOT NULL,
  by_name text NOT NULL,
  body jsonb NOT NULL,
  -- Retention: set when the event's free text is removed with its referral's details (see below).
  details_removed_at timestamptz
);

CREATE INDEX case_event_referral ON case_event (referral_id, id);

-- What an event keeps once retention removes its referral's details: its kind and coded facts (how and the outcome
-- of an attempt, the closing reason, the link worker assigned), never free text a link worker wrote about the person.
CREATE FUNCTION case_event_without_details(body jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE body ->> 'kind'
    WHEN 'attempt' THEN jsonb_build_object('kind', 'attempt', 'attempt', jsonb_build_object(
      'at', body #> '{attempt,at}', 'how', body #> '{attempt,how}', 'outcome', body #> '{attempt,outcome}'))
    WHEN 'closed' THEN jsonb_build_object('kind', 'closed', 'closing',
      jsonb_build_object('reason', body #> '{closing,reason}'))
    WHEN 'assigned' THEN body
    ELSE jsonb_build_object('kind', body -> 'kind') END
$$;

-- Append-only like audit_event, with one exception: retention may replace a body by what it keeps without details,
-- once, and change nothing else.
CREATE FUNCTION case_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.details_removed_at IS NULL AND NEW.details_removed_at IS NOT NULL
     AND NEW.id = OLD.id AND NEW.referral_id = OLD.referral_id AND NEW.at = OLD.at
     AND NEW.by_username = OLD.by_username AND NEW.by_name = OLD.by_name
     AND NEW.body = case_event_without_details(OLD.body) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'case_event is append-only (retention may only remove an event''s details)';
END;
$$;

CREATE TRIGGER case_event_append_only BEFORE UPDATE OR DELETE ON case_event
  FOR EACH ROW EXECUTE FUNCTION case_event_append_only();
CREATE TRIGGER case_event_no_truncate BEFORE TRUNCATE ON case_event
  FOR EACH STATEMENT EXECUTE FUNCTION case_event_append_only();

-- A service's response-time rule (domain/caseload/response-rule.ts); null: the default rule.
ALTER TABLE service ADD COLUMN response_rule jsonb;

-- decision_due and contact_due are fixed on arrival with the service's rule then (UK working days, computed in
-- TypeScript: bank holidays are data there). Rows from before this migration are filled by the store when the database
-- is opened (server/store/caseload/due.ts), since SQL has no bank holidays.
ALTER TABLE referral
  ADD COLUMN assigned_to text REFERENCES link_worker (username),
  ADD COLUMN decided_at timestamptz,
  ADD COLUMN first_contact_at timestamptz,
  ADD COLUMN decision_due date,
  ADD COLUMN contact_due date,
  ADD COLUMN waiting_expected date,
  ADD COLUMN next_action_due date,
  ADD COLUMN closed_at timestamptz,
  ADD COLUMN closing_reason text,
  -- The day after which the referral is overdue: no decision by its decision due day, or accepted with no contact by
  -- its contact due day; null when neither applies. Kept by the database itself, so no event can forget it.
  ADD COLUMN overdue_after date GENERATED ALWAYS AS (CASE
    WHEN status = 'requested' THEN decision_due
    WHEN status = 'accepted' AND first_contact_at IS NULL THEN contact_due END) STORED;

-- What the decisions so far say: when each referral was first decided, first contacted, and closed.
UPDATE referral r SET decided_at = d.first FROM (
  SELECT referral_id, min(at) AS first FROM decision WHERE status <> 'requested' GROUP BY referral_id
) d WHERE d.referral_id = r.id;
UPDATE referral r SET first_contact_at = d.first FROM (
  SELECT referral_id, min(at) AS first FROM decision WHERE status = 'contacted' GROUP BY referral_id
) d WHERE d.referral_id = r.id;
UPDATE referral r SET closed_at = d.last FROM (
  SELECT referral_id, max(at) AS last FROM decision GROUP BY referral_id
) d WHERE d.referral_id = r.id AND r.status IN ('declined', 'redirected', 'completed', 'cancelled');

CREATE INDEX referral_due_missing ON referral (id) WHERE decision_due IS NULL;

-- Each view's first page is a range of one of these, in the inbox's order (keyset paging, as migration 005), for a
-- service's link workers. "Open": not final. Retention only removes closed referrals' details, yet each predicate says
-- so, for the planner to use the index with the inbox's own condition.
CREATE INDEX referral_view_new ON referral (service_id, inbox_order, id)
  WHERE status = 'requested' AND details_removed_at IS NULL;
CREATE INDEX referral_view_mine ON referral (assigned_to, inbox_order, id)
  WHERE status IN ('requested', 'accepted', 'contacted') AND details_removed_at IS NULL;
CREATE INDEX referral_view_unassigned ON referral (service_id, inbox_order, id)
  WHERE assigned_to IS NULL AND status IN ('requested', 'accepted', 'contacted') AND details_removed_at IS NULL;
-- The due day is in the key so that a referral not yet overdue is passed over in the index, not the table.
CREATE INDEX referral_view_overdue ON referral (service_id, inbox_order, id, overdue_after)
  WHERE overdue_after IS NOT NULL AND details_removed_at IS NULL;
CREATE INDEX referral_view_waiting ON referral (service_id, inbox_order, id)
  WHERE waiting_expected IS NOT NULL AND status IN ('requested', 'accepted', 'contacted')
    AND details_removed_at IS NULL;
CREATE INDEX referral_view_closed ON referral (service_id, inbox_order, id)
  WHERE status IN ('declined', 'redirected', 'completed', 'cancelled') AND details_removed_at IS NULL
