import type { Queryable } from '../db';
import { dueColumns, ruleFrom } from './due';

/**
 * Each service's rule as last read (its stored JSON, null for the default), per database. An arrival's due days are
 * computed with it, and stored only if the service's rule is still the one read (the insert compares): a rule changed
 * since, by this process or another, leaves them missing, and `fixArrivalDue` reads the rule again and sets them.
 */
const known = new WeakMap<Queryable, Map<string, unknown>>();

export function ruleSeen(db: Queryable, serviceId: string): unknown {
  return known.get(db)?.get(serviceId) ?? null;
}

/** The columns an arriving referral carries for its due days: computed with the rule last read, and that rule. */
export function arrivalDue(db: Queryable, serviceId: string, receivedAt: Date) {
  const seen = ruleSeen(db, serviceId);
  // No key for the default rule: the record reads it as SQL NULL, which the insert compares with IS NOT DISTINCT FROM.
  return { ...(seen === null ? {} : { rule_seen: seen }), ...dueColumns(receivedAt, ruleFrom(seen)) };
}

/** Reads the rules of referrals stored without due days (their service's rule had changed) and sets them. */
export async function fixArrivalDue(db: Queryable, rows: { id: string; serviceId: string; receivedAt: Date }[]) {
  if (rows.length === 0) return;
  const services = [...new Set(rows.map((row) => row.serviceId))];
  const rules = await db.query<{ id: string; rule: unknown }>(
    'SELECT id, response_rule AS rule FROM service WHERE id = ANY ($1::text[])',
    [services],
  );
  const cache = known.get(db) ?? new Map<string, unknown>();
  known.set(db, cache);
  for (const { id, rule } of rules) cache.set(id, rule);
  const dues = rows.map((row) => ({ id: row.id, ...dueColumns(row.receivedAt, ruleFrom(cache.get(row.serviceId))) }));
  await db.query(
    `UPDATE referral r SET decision_due = x.decision_due, contact_due = x.contact_due
     FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, decision_due date, contact_due date) WHERE r.id = x.id`,
    [JSON.stringify(dues)],
  );
}
