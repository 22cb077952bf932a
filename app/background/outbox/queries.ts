import { type OutboxRow, outboxRowSchema } from '../../../domain/outbox/row';
import type { SentQuery } from '../../shared/messaging/protocol';
import { type OutboxDb, outbox } from './db';

/** The pad's "Sent referrals" list, newest first: for a patient (by NHS number) and/or since a time. */
export async function sentReferrals(query: SentQuery = {}, db: OutboxDb = outbox()): Promise<OutboxRow[]> {
  const { nhsNumber, since } = query;
  const rows =
    nhsNumber !== undefined
      ? await db.referrals.where('nhsNumber').equals(nhsNumber).toArray()
      : await db.referrals
          .where('createdAt')
          .aboveOrEqual(since ?? 0)
          .toArray();
  return readable(rows.filter((row) => since === undefined || row.createdAt >= since)).sort(
    (a, b) => b.createdAt - a.createdAt,
  );
}

/**
 * What the toolbar badge tells of: referrals waiting to be sent, being sent, or needing attention (not those whose
 * details were removed after the retention period: nothing can be done with them but refer again).
 */
export async function undelivered(db: OutboxDb = outbox()): Promise<OutboxRow[]> {
  const rows = await db.referrals
    .where('status')
    .anyOf('queued', 'sending', 'needs-attention')
    .filter((row) => row.redactedAt === undefined)
    .toArray();
  return readable(rows);
}

/** Parsed at the storage boundary: a row this code cannot read is reported, not shown half-understood. */
function readable(rows: OutboxRow[]): OutboxRow[] {
  return rows.flatMap((row) => {
    const parsed = outboxRowSchema.safeParse(row);
    if (!parsed.success) console.warn('An outbox row did not parse.', parsed.error.issues.map(locate));
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * Send a referral again: one that needs attention, once the cause is fixed (e.g. the practice token was corrected), or
 * one still waiting (it is tried at once rather than after its backoff, though never before a time the service asked
 * for). Returns false when the referral is neither, or its details were removed after the retention period. The
 * caller then starts a drain.
 */
export async function resendReferral(id: string, db: OutboxDb = outbox(), now = Date.now()): Promise<boolean> {
  return db.transaction('rw', db.referrals, async () => {
    const row = await db.referrals.get(id);
    // A redacted row has no Bundle left to send.
    if (!row || row.redactedAt !== undefined) return false;
    if (row.status === 'sending') return true;
    if (row.status === 'queued') {
      if (row.nextAttemptAt > now) await db.referrals.update(id, { nextAttemptAt: now, updatedAt: now });
      return true;
    }
    if (row.status !== 'needs-attention') return false;
    await db.referrals.put({
      ...row,
      status: 'queued',
      nextAttemptAt: now,
      updatedAt: now,
      trail: [...row.trail, { at: now, status: 'queued' }],
    });
    return true;
  });
}

function locate(issue: { path: PropertyKey[]; message: string }): string {
  return `${issue.path.join('.')}: ${issue.message}`;
}
