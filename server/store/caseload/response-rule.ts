import { type ResponseRule, responseRuleSchema } from '../../../domain/caseload/response-rule';
import { audit } from '../audit';
import type { Queryable } from '../db';
import { ruleFrom } from './due';

/** A service's response-time rule: the default until its lead sets one. */
export async function responseRuleOf(db: Queryable, serviceId: string): Promise<ResponseRule> {
  const [row] = await db.query<{ rule: unknown }>('SELECT response_rule AS rule FROM service WHERE id = $1', [
    serviceId,
  ]);
  return ruleFrom(row?.rule);
}

/**
 * Sets a service's rule, audited. Referrals already received keep the due days fixed on their arrival: a rule
 * changed today does not make yesterday's referrals overdue. False when there is no such service.
 */
export async function setResponseRule(
  db: Queryable,
  serviceId: string,
  rule: ResponseRule,
  by: string,
  at: Date,
): Promise<boolean> {
  const parsed = responseRuleSchema.parse(rule);
  const rows = await db.query('UPDATE service SET response_rule = $2, updated_at = $3 WHERE id = $1 RETURNING id', [
    serviceId,
    JSON.stringify(parsed),
    at,
  ]);
  if (rows.length === 0) return false;
  await audit(db, {
    at,
    actor: by,
    action: 'service-changed',
    detail: `${serviceId}: response rule — first contact within ${parsed.firstContactWorkingDays}, decision within ${parsed.decisionWorkingDays} working days`,
  });
  return true;
}
