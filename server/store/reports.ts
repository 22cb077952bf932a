import { DEFAULT_DRIFT_THRESHOLD } from '../../domain/evaluation/drift';
import { type ReportCount, reportCountSchema } from '../../domain/evaluation/report-counts';
import { audit } from './audit';
import type { Queryable } from './db';

/**
 * A service's summary counts (migration 013) for the weeks from `from` to `to` (Mondays, UK days): referrals by week
 * and practice; everything else by week (practice ''). Reads a range of report_count's primary key, nothing else.
 */
export async function reportCounts(
  db: Queryable,
  query: { serviceId: string; from: string; to: string },
): Promise<ReportCount[]> {
  const rows = await db.query<{ week: string; ods_code: string; measure: string; key: string; n: number }>(
    `SELECT week::text AS week, ods_code, measure, key, n::integer AS n
     FROM report_count WHERE service_id = $1 AND week BETWEEN $2::date AND $3::date`,
    [query.serviceId, query.from, query.to],
  );
  return rows.map((row) =>
    reportCountSchema.parse({ week: row.week, odsCode: row.ods_code, measure: row.measure, key: row.key, n: row.n }),
  );
}

/** When each version of the service's model was agreed, and with which practice: the drift chart marks them. */
export async function modelChanges(
  db: Queryable,
  serviceId: string,
  since: Date,
): Promise<{ version: number; odsCode: string; agreedAt: string }[]> {
  const rows = await db.query<{ version: number; ods_code: string; agreed_at: Date }>(
    `SELECT version, ods_code, agreed_at FROM agreed_model WHERE service_id = $1 AND agreed_at >= $2
     ORDER BY agreed_at, version`,
    [serviceId, since],
  );
  return rows.map((row) => ({
    version: row.version,
    odsCode: row.ods_code,
    agreedAt: new Date(row.agreed_at).toISOString(),
  }));
}

/** The out-of-model share (per cent) past which the service's drift monitor speaks. */
export async function driftThreshold(db: Queryable, serviceId: string): Promise<number> {
  const rows = await db.query<{ drift_threshold: number | null }>('SELECT drift_threshold FROM service WHERE id = $1', [
    serviceId,
  ]);
  return rows[0]?.drift_threshold ?? DEFAULT_DRIFT_THRESHOLD;
}

/** The service lead sets the threshold (1 to 100): audited. */
export async function setDriftThreshold(
  db: Queryable,
  serviceId: string,
  percent: number,
  at: Date,
  by: string,
): Promise<void> {
  await db.query('UPDATE service SET drift_threshold = $2, updated_at = $3 WHERE id = $1', [serviceId, percent, at]);
  await audit(db, { at, actor: by, action: 'service-changed', detail: `${serviceId}: drift threshold ${percent} %` });
}
