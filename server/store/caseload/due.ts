import {
  DEFAULT_RESPONSE_RULE,
  type ResponseRule,
  responseDue,
  responseRuleSchema,
} from '../../../domain/caseload/response-rule';
import type { Queryable } from '../db';

/** A service's rule as stored: null (never set) is the default rule. */
export function ruleFrom(stored: unknown): ResponseRule {
  return stored === null || stored === undefined ? DEFAULT_RESPONSE_RULE : responseRuleSchema.parse(stored);
}

type Missing = { service_id: string | null; day: string; received_at: Date; rule: unknown };

/**
 * Fixes the due days of referrals stored without them (those from before migration 011, or stored by SQL in tests and
 * the bench) with their service's rule now: the due days depend on the UK day a referral arrived, so each (service,
 * day) is computed once, and its rows are set in one statement. Run when the database is opened; a no-op after.
 */
export async function fillResponseDue(db: Queryable): Promise<number> {
  const groups = await db.query<Missing>(
    `SELECT r.service_id, (r.received_at AT TIME ZONE 'Europe/London')::date::text AS day, min(r.received_at) AS received_at,
       min(s.response_rule::text)::jsonb AS rule
     FROM referral r LEFT JOIN service s ON s.id = r.service_id
     WHERE r.decision_due IS NULL GROUP BY r.service_id, day`,
  );
  if (groups.length === 0) return 0;
  const dues = groups.map((group) => ({
    service_id: group.service_id,
    day: group.day,
    ...dueColumns(new Date(group.received_at), ruleFrom(group.rule)),
  }));
  const [updated] = await db.query<{ n: number }>(
    `WITH updated AS (UPDATE referral r SET decision_due = x.decision_due, contact_due = x.contact_due
     FROM jsonb_to_recordset($1::jsonb) AS x(service_id text, day date, decision_due date, contact_due date)
     WHERE r.decision_due IS NULL AND r.service_id IS NOT DISTINCT FROM x.service_id
       AND (r.received_at AT TIME ZONE 'Europe/London')::date = x.day
     RETURNING 1) SELECT count(*)::int AS n FROM updated`,
    [JSON.stringify(dues)],
  );
  return updated?.n ?? 0;
}

/** The due days a referral arriving at `receivedAt` gets under `rule`, as the referral table's columns. */
export function dueColumns(receivedAt: Date, rule: ResponseRule): { decision_due: string; contact_due: string } {
  const due = responseDue(receivedAt.toISOString(), rule);
  return { decision_due: due.decisionDue, contact_due: due.contactDue };
}
