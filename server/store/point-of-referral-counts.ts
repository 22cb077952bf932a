import { type CheckEnding, type CountRow, countRows, type PointOfReferralCounts } from '../../domain/evaluation/counts';
import type { Db } from './db';

/** A batch of counts as it arrives: the practice its token speaks for has been checked against `counts.odsCode`. */
export type CountsArrival = {
  counts: PointOfReferralCounts;
  /** The Idempotency-Key the pad minted when it closed the batch: every retry of the batch carries it. */
  batchKey: string;
  bodyHash: string;
  receivedAt: Date;
};

/** recorded: kept now; replayed: this batch was kept before (counted once); key-conflict: the key came with other counts. */
export type CountsRecorded = 'recorded' | 'replayed' | 'key-conflict';

/**
 * Keeps a batch of counts once (hazards HEC5, HEC6): the batch row and its counts in one transaction, so a batch is
 * whole or absent; a key seen before from this practice stores nothing again.
 */
export async function recordPointOfReferralCounts(db: Db, arrival: CountsArrival): Promise<CountsRecorded> {
  const { counts, batchKey, bodyHash, receivedAt } = arrival;
  return db.transaction(async (tx) => {
    const inserted = await tx.query(
      `INSERT INTO point_of_referral_batch (ods_code, batch_key, day, body_hash, received_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING batch_key`,
      [counts.odsCode, batchKey, counts.day, bodyHash, receivedAt],
    );
    if (inserted.length === 0) {
      const [earlier] = await tx.query<{ body_hash: string }>(
        'SELECT body_hash FROM point_of_referral_batch WHERE ods_code = $1 AND batch_key = $2',
        [counts.odsCode, batchKey],
      );
      return earlier?.body_hash === bodyHash ? 'replayed' : 'key-conflict';
    }
    await tx.query(
      `INSERT INTO point_of_referral_count (ods_code, batch_key, day, service_id, model_version, ending, route, n)
       SELECT $1, $2, $3, r."serviceId", r."modelVersion", r.ending, r.route, r.n
       FROM jsonb_to_recordset($4::jsonb) AS r("serviceId" text, "modelVersion" integer, ending text, route text, n integer)`,
      [counts.odsCode, batchKey, counts.day, JSON.stringify(countRows(counts))],
    );
    return 'recorded';
  });
}

/** The counts of one ISO week (from its Monday) and practice: every batch of theirs added up. */
export type WeekCounts = CountRow & { weekStart: string; odsCode: string };

/**
 * The counts of the UK days `from` to `to` (inclusive, YYYY-MM-DD), of one service or of all, by ISO week (weeks
 * start on Monday: `weekStart`) and practice, then service, model version, ending and route. Checked is the sum of a
 * week's endings.
 */
export async function pointOfReferralCounts(
  db: Pick<Db, 'query'>,
  { serviceId, from, to }: { serviceId?: string; from: string; to: string },
): Promise<WeekCounts[]> {
  const rows = await db.query<{
    week_start: string;
    ods_code: string;
    service_id: string | null;
    model_version: number | null;
    ending: CheckEnding;
    route: string | null;
    n: string | number;
  }>(
    `SELECT to_char(date_trunc('week', day::timestamp), 'YYYY-MM-DD') AS week_start, ods_code, service_id,
       model_version, ending, route, sum(n) AS n
     FROM point_of_referral_count
     WHERE day BETWEEN $1::date AND $2::date AND ($3::text IS NULL OR service_id = $3)
     GROUP BY 1, ods_code, service_id, model_version, ending, route
     ORDER BY 1, ods_code, service_id NULLS FIRST, model_version NULLS FIRST, ending, route NULLS FIRST`,
    [from, to, serviceId ?? null],
  );
  return rows.map((row) => ({
    weekStart: row.week_start,
    odsCode: row.ods_code,
    serviceId: row.service_id,
    modelVersion: row.model_version,
    ending: row.ending,
    route: row.route,
    n: Number(row.n),
  }));
}
