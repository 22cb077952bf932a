import type { Referral } from '../../domain/referral';
import { fillResponseDue } from '../../server/store/caseload';
import type { Queryable } from '../../server/store/db';
import { richReferral } from '../fixtures/referrals';

/**
 * Stores `count` referrals from `odsCode` in one statement (generate_series), as the queue would have stored them over
 * the `count` minutes before `now`: each the template under its own id, one in ten with a safety flag, one in
 * `newEvery` still new (the rest decided, as a service's history mostly is), sent to `serviceId` (none: from before
 * services), with their due days. For the bench and for tests that need a full inbox; far faster than sending each.
 */
export async function storeManyReferrals(
  db: Queryable,
  count: number,
  options: { odsCode?: string; template?: Referral; now?: Date; newEvery?: number; serviceId?: string } = {},
): Promise<void> {
  const template = options.template ?? { ...richReferral, safety: { ...richReferral.safety, safeguarding: false } };
  const now = (options.now ?? new Date()).getTime();
  await db.query(
    `INSERT INTO referral (id, ods_code, idempotency_key, body_hash, patient_id, nhs_number, received_at, status, needs,
       safety_flags, verdict_outcome, referral, patient_created, inbox_order, service_id)
     SELECT g.id, $1, g.id::text, 'stored-by-sql', gen_random_uuid(), $2, g.at, g.status, $3::text[],
       CASE WHEN g.n % 10 = 3 THEN ARRAY['safeguarding'] ELSE ARRAY[]::text[] END, $4,
       jsonb_set(CASE WHEN g.n % 10 = 3 THEN jsonb_set($5::jsonb, '{safety,safeguarding}', 'true') ELSE $5::jsonb END,
         '{id}', to_jsonb(g.id::text)),
       false,
       CASE WHEN g.n % 10 = 3 THEN -1 ELSE 1 END * (extract(epoch FROM g.at) * 1000)::bigint, $9
     FROM (
       SELECT n, gen_random_uuid() AS id, to_timestamp(($6::bigint - n::bigint * 60000) / 1000.0) AS at,
         CASE WHEN n % $8::int = 0 THEN 'requested'
           ELSE (ARRAY['accepted', 'contacted', 'declined', 'completed', 'redirected'])[1 + n % 5] END AS status
       FROM generate_series(1, $7::int) AS n
     ) g`,
    [
      options.odsCode ?? template.referrer.odsCode,
      template.patient.nhsNumber,
      template.needs,
      template.verdict.outcome,
      JSON.stringify(template),
      now,
      count,
      options.newEvery ?? 50,
      options.serviceId ?? null,
    ],
  );
  // Their due days, as the queue fixes them on arrival.
  await fillResponseDue(db);
}
