import { type CaseEventBody, caseEventSchema } from '../../../domain/caseload/case';
import { type CaseStanding, caseStanding } from '../../../domain/caseload/standing';
import { ukDate } from '../../../domain/clock/uk-date';
import { audit } from '../audit';
import type { Db, Queryable } from '../db';
import type { Session } from '../link-workers';
import { appendEvent, type CaseRow, lockCase, type Refused, refusal, taskAfter, writeTask } from './case-row';
import { caseEvents } from './detail';

export type AddedEvent = { kind: 'added'; id: number } | { kind: 'not-found' } | Refused;

/** Events that change what the GP reads: the Task is made again with them. Notes and next actions stay inside. */
const TASK_EVENTS = new Set<CaseEventBody['kind']>(['attempt', 'waiting-list', 'closed']);

/**
 * Adds an event to a case: the event, the referral's columns the views read, the Task the GP reads and the audit row,
 * in one transaction, or nothing with the reason. The body is parsed again here (a note with a control character is
 * refused whoever calls); assignment goes through `assign`, which checks who may.
 */
export async function addCaseEvent(
  db: Db,
  input: { referralId: string; body: CaseEventBody; by: Session; at: Date },
): Promise<AddedEvent> {
  const parsed = caseEventSchema.safeParse(input.body);
  if (!parsed.success) return { kind: 'refused', reason: parsed.error.issues[0]?.message ?? 'Not a case event.' };
  const body = parsed.data;
  if (body.kind === 'assigned' || body.kind === 'unassigned')
    return { kind: 'refused', reason: 'Assign a referral with Assign, which checks who may.' };
  return db.transaction(async (tx) => {
    const row = await lockCase(tx, input.referralId);
    if (!row) return { kind: 'not-found' };
    const refused = refusal(row, input.by) ?? datesRefused(row, body, input.at);
    if (refused) return refused;
    const id = await appendEvent(tx, row.id, body, input.by.linkWorker, input.at);
    const standing = caseStanding(await caseEvents(tx, row.id));
    await applyToColumns(tx, row, body, input.at);
    await keepStanding(tx, row.id, standing);
    if (TASK_EVENTS.has(body.kind)) await writeTask(tx, row.id, await taskAfter(tx, row, input.at, standing));
    await audit(tx, {
      at: input.at,
      actor: input.by.linkWorker.username,
      action: 'case-event-added',
      referralId: row.id,
      detail: body.kind === 'closed' ? `closed: ${body.closing.reason}` : body.kind,
    });
    return { kind: 'added', id };
  });
}

/** Dates a link worker entered that cannot be right: an attempt before the referral arrived or still to come. */
function datesRefused(row: CaseRow, body: CaseEventBody, at: Date): Refused | undefined {
  if (body.kind === 'attempt') {
    const when = new Date(body.attempt.at);
    if (when.getTime() > at.getTime())
      return { kind: 'refused', reason: 'The attempt’s time is later than now: say when it was made.' };
    if (when.getTime() < new Date(row.received_at).getTime())
      return { kind: 'refused', reason: 'The attempt’s time is before the referral arrived.' };
  }
  if (body.kind === 'waiting-list' && body.waiting.expected < ukDate(at))
    return { kind: 'refused', reason: 'The expected date is before today.' };
  return undefined;
}

/**
 * The columns the Waiting list view and the rows read, as the case's standing has them (caseload/standing.ts): off the
 * waiting list once reached after it, no next action or wait once closed.
 */
async function keepStanding(tx: Queryable, id: string, standing: CaseStanding): Promise<void> {
  await tx.query('UPDATE referral SET waiting_expected = $2::date, next_action_due = $3::date WHERE id = $1', [
    id,
    standing.waiting?.expected ?? null,
    standing.next?.due ?? null,
  ]);
}

/** The referral's other columns after an event (migration 011), changed with the event in the same transaction. */
async function applyToColumns(tx: Queryable, row: CaseRow, body: CaseEventBody, at: Date): Promise<void> {
  const update = (set: string, params: unknown[]) =>
    tx.query(`UPDATE referral SET ${set} WHERE id = $1`, [row.id, ...params]);
  switch (body.kind) {
    case 'attempt':
      // Reaching the person is first contact, and contact is a decision made: requested or accepted becomes contacted.
      if (body.attempt.outcome === 'reached')
        await update(
          `first_contact_at = least(first_contact_at, $2::timestamptz), decided_at = coalesce(decided_at, $3),
           status = CASE WHEN status IN ('requested', 'accepted') THEN 'contacted' ELSE status END`,
          [body.attempt.at, at],
        );
      return;
    case 'waiting-list':
      // Onto the waiting list is accepted, for a referral not yet decided.
      await update(
        `decided_at = coalesce(decided_at, $2), status = CASE WHEN status = 'requested' THEN 'accepted' ELSE status END`,
        [at],
      );
      return;
    case 'closed':
      await update(`status = 'completed', closed_at = $2, closing_reason = $3, decided_at = coalesce(decided_at, $2)`, [
        at,
        body.closing.reason,
      ]);
      return;
    default:
      return;
  }
}
