import { audit, COMMAND_LINE } from './audit';
import type { Db } from './db';

export type MadeLead = 'made' | 'no-account' | 'no-service';

/**
 * Makes a link worker the lead of a service (migration 010's role and service columns): they keep their inbox, and
 * may now manage the service's pages. Audited as a change to the service.
 */
export async function makeServiceLead(
  db: Db,
  username: string,
  serviceId: string,
  by = COMMAND_LINE,
): Promise<MadeLead> {
  return db.transaction(async (tx) => {
    const service = await tx.query('SELECT 1 FROM service WHERE id = $1', [serviceId]);
    if (service.length === 0) return 'no-service';
    const rows = await tx.query(
      `UPDATE link_worker SET role = 'service-lead', service_id = $2 WHERE username = $1 RETURNING username`,
      [username, serviceId],
    );
    if (rows.length === 0) return 'no-account';
    await audit(tx, { at: new Date(), actor: by, action: 'service-changed', detail: `${serviceId}: lead ${username}` });
    return 'made';
  });
}
