import { audit } from '../audit';
import type { Db } from '../db';
import type { LinkWorker } from '../link-workers';
import { appendEvent, lockAssigned, taskAfter, writeTask } from './case-row';

/**
 * A lead disables an account of their own service: it cannot sign in and its sessions end (as disableLinkWorker), and
 * the open referrals assigned to it go back to Unassigned, each with its event and its Task's owner, so that none
 * waits unseen on someone who can no longer sign in. False when the account is not the service's, or was disabled.
 */
export async function disableServiceLinkWorker(
  db: Db,
  input: { serviceId: string; username: string; at: Date; by: LinkWorker },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx.query(
      `UPDATE link_worker SET disabled_at = $3 WHERE username = $1 AND service_id = $2 AND disabled_at IS NULL
       RETURNING username`,
      [input.username, input.serviceId, input.at],
    );
    if (rows.length === 0) return false;
    await tx.query('DELETE FROM link_worker_session WHERE username = $1', [input.username]);
    await audit(tx, { at: input.at, actor: input.by.username, action: 'link-worker-disabled', detail: input.username });
    for (const row of await lockAssigned(tx, input.username)) {
      await appendEvent(tx, row.id, { kind: 'unassigned' }, input.by, input.at);
      await tx.query('UPDATE referral SET assigned_to = NULL WHERE id = $1', [row.id]);
      await writeTask(tx, row.id, await taskAfter(tx, row, input.at));
      await audit(tx, {
        at: input.at,
        actor: input.by.username,
        action: 'case-assigned',
        referralId: row.id,
        detail: `unassigned from ${input.username} (disabled)`,
      });
    }
    return true;
  });
}
