import type { Queryable } from './db';

/** The id of the service a link worker leads, if their role is 'service-lead' (migration 010); none otherwise. */
export async function serviceLedBy(db: Queryable, username: string): Promise<string | undefined> {
  const rows = await db.query<{ service_id: string }>(
    `SELECT service_id FROM link_worker
     WHERE username = $1 AND role = 'service-lead' AND service_id IS NOT NULL AND disabled_at IS NULL`,
    [username],
  );
  return rows[0]?.service_id;
}
