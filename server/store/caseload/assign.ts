import { audit } from '../audit';
import type { Db, Queryable } from '../db';
import type { Session } from '../link-workers';
import { appendEvent, type CaseRow, lockCase, type Refused, refusal, taskAfter, writeTask } from './case-row';

export type Assigned = { kind: 'assigned' } | { kind: 'not-found' } | Refused;

/**
 * Assigns a referral to a link worker of its service, or to no one (`to` null). Anyone may take an unassigned referral
 * (to = their own username) or give up their own; only a service lead may assign someone else or take a referral off
 * someone. The referral is locked while this is checked, so of two link workers pressing "Assign to me" at once one
 * gets it and the other is told who has it. The event, the column, the Task (its owner) and the audit change together.
 */
export async function assign(
  db: Db,
  input: { referralId: string; to: string | null; by: Session; at: Date },
): Promise<Assigned> {
  return db.transaction(async (tx) => {
    const row = await lockCase(tx, input.referralId);
    if (!row) return { kind: 'not-found' };
    const refused = refusal(row, input.by) ?? (await notAllowed(tx, row, input.to, input.by));
    if (refused) return refused;
    if (row.assigned_to === input.to) return { kind: 'assigned' };
    const assignee = input.to === null ? undefined : await assignable(tx, input.to, row.service_id);
    if (input.to !== null && !assignee)
      return { kind: 'refused', reason: `${input.to} is not an enabled link worker of this referral’s service.` };
    await appendEvent(
      tx,
      row.id,
      assignee ? { kind: 'assigned', to: assignee.username, toName: assignee.displayName } : { kind: 'unassigned' },
      input.by.linkWorker,
      input.at,
    );
    await tx.query('UPDATE referral SET assigned_to = $2 WHERE id = $1', [row.id, input.to]);
    await writeTask(tx, row.id, await taskAfter(tx, row, input.at));
    await audit(tx, {
      at: input.at,
      actor: input.by.linkWorker.username,
      action: 'case-assigned',
      referralId: row.id,
      detail: input.to === null ? `unassigned from ${row.assigned_to}` : `to ${input.to}`,
    });
    return { kind: 'assigned' };
  });
}

/** A link worker who is not a lead may only take a referral no one has, or give up their own. */
async function notAllowed(tx: Queryable, row: CaseRow, to: string | null, by: Session): Promise<Refused | undefined> {
  if (by.role === 'service-lead') return undefined;
  const me = by.linkWorker.username;
  if (to !== null && to !== me)
    return { kind: 'refused', reason: 'Only a service lead can assign a referral to someone else.' };
  if (row.assigned_to !== null && row.assigned_to !== me) {
    const [holder] = await tx.query<{ display_name: string }>(
      'SELECT display_name FROM link_worker WHERE username = $1',
      [row.assigned_to],
    );
    return {
      kind: 'refused',
      reason: `${holder?.display_name ?? row.assigned_to} has this referral: only a service lead can reassign it.`,
    };
  }
  return undefined;
}

/** The account, if it is an enabled link worker (or lead) of the service; a referral from before services: any. */
async function assignable(
  tx: Queryable,
  username: string,
  serviceId: string | null,
): Promise<{ username: string; displayName: string } | undefined> {
  const [row] = await tx.query<{ username: string; display_name: string }>(
    `SELECT username, display_name FROM link_worker
     WHERE username = $1 AND disabled_at IS NULL AND ($2::text IS NULL OR service_id = $2)`,
    [username, serviceId],
  );
  return row && { username: row.username, displayName: row.display_name };
}
