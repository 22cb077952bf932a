import { NEED_CODES } from '../../domain/referral/needs';
import type { Queryable } from '../../server/store/db';
import { richReferral } from '../fixtures/referrals';

/** Rows a statement: the summary triggers aggregate each statement's rows in memory. */
const CHUNK = 100_000;
const DAY = 86_400_000;

/**
 * A year of a large area's referrals to one service, straight into the tables with generate_series (far faster than
 * sending each): `count` referrals spread evenly over the 365 days before `now` and over `practices` practices
 * (added here, ODS codes P00001 …), one in ten safety-flagged, one in 20 sent with an override, one in 25 out of
 * scope by a rule, two or three needs each; nine in ten decided by `decidedBy` 0 to 14 days after arrival
 * (half of them contacted, a third closed); and each
 * practice's pad counts for every day. With `driftWeeks`, a sixth more are out of scope over that many last weeks (a
 * service drifting). The summary counts are kept by migration 013's triggers as for any insert.
 */
export async function storeYearOfReferrals(
  db: Queryable,
  options: { count: number; practices: number; serviceId: string; decidedBy: string; now: Date; driftWeeks?: number },
): Promise<void> {
  const { count, practices, serviceId, decidedBy } = options;
  const now = options.now.getTime();
  await db.query(
    `INSERT INTO practice (ods_code, name) SELECT 'P' || lpad(p::text, 5, '0'), 'Practice ' || p
     FROM generate_series(1, $1::int) AS p ON CONFLICT DO NOTHING`,
    [practices],
  );
  for (let first = 0; first < count; first += CHUNK) {
    const last = Math.min(count, first + CHUNK);
    await db.query(
      `INSERT INTO referral (id, ods_code, idempotency_key, body_hash, patient_id, nhs_number, received_at, status,
         needs, safety_flags, verdict_outcome, referral, patient_created, inbox_order, service_id)
       SELECT g.id, 'P' || lpad((1 + g.n % $3::int)::text, 5, '0'), g.id::text, 'stored-by-sql', gen_random_uuid(),
         '9434765919', g.at, CASE WHEN g.n % 10 = 0 THEN 'requested' ELSE 'accepted' END,
         ($5::text[])[1 + g.n % 16:1 + g.n % 16]
           || ($5::text[])[1 + (g.n % 16 + 1 + (g.n / 16) % 15) % 16:1 + (g.n % 16 + 1 + (g.n / 16) % 15) % 16],
         CASE WHEN g.n % 10 = 3 THEN ARRAY['safeguarding'] ELSE ARRAY[]::text[] END, 'review',
         jsonb_set(jsonb_set($6::jsonb, '{id}', to_jsonb(g.id::text)), '{verdict}',
           CASE WHEN g.n % 20 = 0 THEN jsonb_build_object('modelId', 'm', 'modelVersion', 1, 'outcome', 'review',
                  'rules', jsonb_build_array('scope.need'), 'overrideReason', 'Known to the service already.')
                WHEN g.n % 25 = 0 OR (g.at > to_timestamp(($7::bigint - $10::bigint) / 1000.0) AND g.n % 6 = 1) THEN jsonb_build_object('modelId', 'm', 'modelVersion', 1, 'outcome', 'review',
                  'rules', jsonb_build_array('scope.age'))
                ELSE jsonb_build_object('modelId', 'm', 'modelVersion', 1, 'outcome', 'accept', 'rules', '[]'::jsonb) END),
         false, (extract(epoch FROM g.at) * 1000)::bigint, $4
       FROM (SELECT n, gen_random_uuid() AS id, to_timestamp(($7::bigint - (n::bigint * 365 * $8::bigint) / $9::bigint) / 1000.0) AS at
             FROM generate_series($1::int, $2::int) AS n) g`,
      [
        first,
        last - 1,
        practices,
        serviceId,
        NEED_CODES,
        JSON.stringify(richReferral),
        now,
        DAY,
        count,
        (options.driftWeeks ?? 0) * 7 * DAY,
      ],
    );
  }
  await db.query(
    `INSERT INTO decision (referral_id, status, reason, by_username, by_name, at)
     SELECT id, CASE WHEN row_number() OVER () % 6 = 0 THEN 'declined' ELSE 'accepted' END,
       CASE WHEN row_number() OVER () % 6 = 0 THEN 'Needs are outside what we offer' END, $1, 'Bench', received_at + (random() * 14) * interval '1 day'
     FROM referral WHERE service_id = $2 AND status <> 'requested'`,
    [decidedBy, serviceId],
  );
  // What a decision and the caseload set (migration 011's columns): one statement, so the summary trigger runs once.
  await db.query(
    `UPDATE referral r SET decided_at = d.at,
       first_contact_at = CASE WHEN d.id % 2 = 0 THEN d.at + (d.id % 5) * interval '1 day' END,
       closing_reason = CASE WHEN d.id % 3 = 0 THEN (ARRAY['completed', 'did-not-engage', 'unable-to-contact'])[1 + d.id % 9 / 3] END
     FROM decision d WHERE d.referral_id = r.id AND r.service_id = $1`,
    [serviceId],
  );
  await db.query(
    `WITH days AS (SELECT 'P' || lpad(p::text, 5, '0') AS ods_code, ($1::timestamptz - d * interval '1 day')::date AS day
                   FROM generate_series(1, $2::int) AS p, generate_series(0, 364) AS d),
     batches AS (INSERT INTO point_of_referral_batch (ods_code, batch_key, day, body_hash, received_at)
                 SELECT ods_code, ods_code || '-' || day, day, 'bench', now() FROM days RETURNING ods_code, batch_key, day)
     INSERT INTO point_of_referral_count (ods_code, batch_key, day, service_id, model_version, ending, route, n)
     SELECT b.ods_code, b.batch_key, b.day, $3, 1, e.ending, e.route, e.n FROM batches b
     CROSS JOIN (VALUES ('sent-in-model', NULL, 3), ('sent-with-override', NULL, 1), ('redirected', 'NHS Talking Therapies', 1),
                        ('redirected', 'Crisis line', 1), ('abandoned', NULL, 1)) AS e(ending, route, n)`,
    [new Date(now), practices, serviceId],
  );
}
