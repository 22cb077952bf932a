import type { CaseEventBody } from '../../../domain/caseload/case';
import { type CaseStanding, caseStanding } from '../../../domain/caseload/standing';
import type { fhir4, LinkWorkerStatus } from '../../../domain/fhir';
import { type CaseForTask, taskWithCase } from '../../../domain/fhir/message-back';
import type { Queryable } from '../db';
import type { LinkWorker, Session } from '../link-workers';
import { storedTask, TASK_COLUMNS, type TaskColumns } from '../referrals';
import { caseEvents } from './detail';

export type Status = LinkWorkerStatus['status'];

/** A referral as an event finds it, locked until its transaction ends. */
export type CaseRow = TaskColumns & {
  id: string;
  service_id: string | null;
  status: Status;
  version: number;
  assigned_to: string | null;
  first_contact_at: Date | null;
};

export type Refused = { kind: 'refused'; reason: string };

const CASE_COLUMNS = `id, ${TASK_COLUMNS}, service_id, status, version, assigned_to, first_contact_at`;

/** Locks a referral for an event; undefined: no such referral (or its details were removed). */
export async function lockCase(tx: Queryable, id: string): Promise<CaseRow | undefined> {
  const rows = await tx.query<CaseRow>(
    `SELECT ${CASE_COLUMNS} FROM referral WHERE id = $1 AND details_removed_at IS NULL FOR UPDATE`,
    [id],
  );
  return rows[0];
}

/** Locks the open referrals assigned to a link worker. */
export async function lockAssigned(tx: Queryable, username: string): Promise<CaseRow[]> {
  return tx.query<CaseRow>(
    `SELECT ${CASE_COLUMNS} FROM referral
     WHERE assigned_to = $1 AND status IN ('requested', 'accepted', 'contacted') ORDER BY id FOR UPDATE`,
    [username],
  );
}

/**
 * Why `by` may not add to this case, if not: another service's referral (a note on the wrong referral is patient data
 * in the wrong place), or a closed case (its outcome has gone to the GP).
 */
export function refusal(row: CaseRow, by: Session): Refused | undefined {
  if (by.serviceId !== undefined && row.service_id !== by.serviceId)
    return { kind: 'refused', reason: 'This referral is not one of your service’s: nothing was added to it.' };
  if (['declined', 'redirected', 'completed', 'cancelled'].includes(row.status))
    return { kind: 'refused', reason: 'This case is closed: nothing more can be added to it.' };
  return undefined;
}

/** Appends an event (never changed after: migration 011). */
export async function appendEvent(
  tx: Queryable,
  referralId: string,
  body: CaseEventBody,
  by: LinkWorker,
  at: Date,
): Promise<number> {
  const [row] = await tx.query<{ id: string | number }>(
    `INSERT INTO case_event (referral_id, at, by_username, by_name, body) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [referralId, at, by.username, by.displayName, JSON.stringify(body)],
  );
  return Number(row?.id);
}

/**
 * The Task the GP reads once an event is stored: what message-back's taskWithCase makes of the case (where its events
 * so far, the new one included, leave it — `known` when the caller has read it — and the referral's columns as
 * changed), with the next version.
 */
export async function taskAfter(tx: Queryable, row: CaseRow, at: Date, known?: CaseStanding): Promise<fhir4.Task> {
  const standing = known ?? caseStanding(await caseEvents(tx, row.id));
  const [current] = await tx.query<{ status: Status; assigned_name: string | null }>(
    `SELECT r.status, w.display_name AS assigned_name
     FROM referral r LEFT JOIN link_worker w ON w.username = r.assigned_to WHERE r.id = $1`,
    [row.id],
  );
  const { closed } = standing;
  const c: CaseForTask = {
    status: current?.status ?? row.status,
    ...(current?.assigned_name ? { assignedName: current.assigned_name } : {}),
    attempts: standing.attempts,
    ...(standing.firstContactAt ? { firstContactAt: standing.firstContactAt } : {}),
    ...(standing.waiting ? { waiting: standing.waiting } : {}),
    ...(closed ? { closing: closed.closing, closedBy: closed.byName } : {}),
    at: at.toISOString(),
  };
  // Taken off the link worker who held it: the GP is not told that someone still has it (taskWithCase keeps an owner).
  const { owner: _released, ...withoutOwner } = storedTask(row);
  const task = taskWithCase(row.assigned_to && !current?.assigned_name ? withoutOwner : storedTask(row), c);
  return { ...task, meta: { versionId: String(row.version + 1), lastUpdated: at.toISOString() } };
}

/** Stores the Task the GP reads, with the referral's next version. */
export async function writeTask(tx: Queryable, id: string, task: fhir4.Task): Promise<void> {
  await tx.query('UPDATE referral SET task = $2, version = version + 1 WHERE id = $1', [id, JSON.stringify(task)]);
}
