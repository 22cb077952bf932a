import type { fhir4 } from '../../domain/fhir';
import type { Db } from './db';

const DAY_MS = 86_400_000;
const BATCH = 500;
const FINAL = `('declined', 'redirected', 'completed', 'cancelled')`;

/**
 * The Task as the referrer may still read it once the details are gone: its status, owner, case state and coded
 * reason stay; the free text a link worker wrote (notes, the reason's words) and the outcome at closing (what the
 * person was connected to, the summary, wellbeing scores) go, since they may name the person or describe them.
 */
function taskWithoutText(task: fhir4.Task): fhir4.Task {
  const { note: _note, output: _output, contained: _contained, statusReason, ...rest } = task;
  return statusReason?.coding ? { ...rest, statusReason: { coding: statusReason.coding } } : rest;
}

/**
 * Removes the identifiable details of referrals whose final decision (or closing) is more than `days` days before
 * `now`: the referral as sent (name, NHS number, date of birth, contacts, what matters), the NHS number column, the
 * stored first response, the free text of the Task and of the decisions, and the case's notes and words (its events'
 * bodies). Kept: the row's id, practice, times, status, needs, safety flags, verdict and version, each decision's
 * status, who and when, and each case event's kind, who and when, so the trail and the counts remain.
 * A batch at a time, rows another process is sweeping skipped. Each removal is audited. Gives how many.
 */
export async function removeClosedDetails(db: Db, days: number, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - days * DAY_MS);
  let removed = 0;
  for (;;) {
    const count = await db.transaction(async (tx) => {
      const rows = await tx.query<{ id: string; task: fhir4.Task }>(
        `SELECT r.id, r.task FROM referral r
         WHERE r.details_removed_at IS NULL AND r.status IN ${FINAL} AND r.task IS NOT NULL
           AND greatest(r.closed_at, (SELECT max(d.at) FROM decision d WHERE d.referral_id = r.id)) < $1
         ORDER BY r.id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        [cutoff],
      );
      if (rows.length === 0) return 0;
      const ids = rows.map((row) => row.id);
      const tasks = rows.map((row) => ({ id: row.id, task: taskWithoutText(row.task) }));
      await tx.query(
        `UPDATE referral r SET referral = NULL, nhs_number = NULL, response = NULL, task = x.task,
           details_removed_at = $2
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, task jsonb) WHERE r.id = x.id`,
        [JSON.stringify(tasks), now],
      );
      await tx.query('UPDATE decision SET reason = NULL, note = NULL WHERE referral_id = ANY ($1::uuid[])', [ids]);
      // Case events are append-only; the one change migration 011 allows is this: each body replaced, once, by what
      // it keeps without details (its kind and coded facts: never a note, a next action or a closing's words).
      await tx.query(
        `UPDATE case_event SET body = case_event_without_details(body), details_removed_at = $2
         WHERE referral_id = ANY ($1::uuid[]) AND details_removed_at IS NULL`,
        [ids, now],
      );
      await tx.query(
        `INSERT INTO audit_event (at, actor, action, referral_id, detail)
         SELECT $2, 'retention', 'details-removed', id, $3 FROM unnest($1::uuid[]) AS id`,
        [ids, now, `closed more than ${days} days`],
      );
      return rows.length;
    });
    removed += count;
    if (count < BATCH) return removed;
  }
}

/** When a referral's details were removed, if they were. */
export async function detailsRemovedAt(db: Db, id: string, serviceId?: string): Promise<Date | undefined> {
  const rows = await db.query<{ at: Date }>(
    `SELECT details_removed_at AS at FROM referral
     WHERE id = $1 AND details_removed_at IS NOT NULL AND ($2::text IS NULL OR service_id = $2)`,
    [id, serviceId ?? null],
  );
  return rows[0] ? new Date(rows[0].at) : undefined;
}

/** Sign-in attempt rows and sessions that no longer matter: unlocked and untried for a day, or expired. */
export async function forgetStale(db: Db, now: Date): Promise<void> {
  const dayAgo = new Date(now.getTime() - DAY_MS);
  await db.query('DELETE FROM sign_in_attempt WHERE last_at < $1 AND (locked_until IS NULL OR locked_until < $2)', [
    dayAgo,
    now,
  ]);
  await db.query('DELETE FROM link_worker_session WHERE expires_at < $1', [now]);
}
