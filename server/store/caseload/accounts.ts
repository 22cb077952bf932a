import { audit } from '../audit';
import type { Queryable } from '../db';
import { appendEvent, lockAssigned, taskAfter, writeTask } from './case-row';

/**
 * Sends the open referrals assigned to a disabled account back to Unassigned, each with its event, its Task's owner
 * and an audit row, so that none waits unseen on someone who can no longer sign in. Run in the disabling transaction.
 */
export async function releaseCases(tx: Queryable, username: string, by: string, at: Date): Promise<void> {
  const [actor] = await tx.query<{ display_name: string }>('SELECT display_name FROM link_worker WHERE username = $1', [
    by,
  ]);
  const releasedBy = { username: by, displayName: actor?.display_name ?? by };
  for (const row of await lockAssigned(tx, username)) {
    await appendEvent(tx, row.id, { kind: 'unassigned' }, releasedBy, at);
    await tx.query('UPDATE referral SET assigned_to = NULL WHERE id = $1', [row.id]);
    await writeTask(tx, row.id, await taskAfter(tx, row, at));
    await audit(tx, {
      at,
      actor: by,
      action: 'case-assigned',
      referralId: row.id,
      detail: `unassigned from ${username} (disabled)`,
    });
  }
}
