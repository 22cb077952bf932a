import type { MessageBack } from '../../../domain/fhir/read-message-back';
import type { OutboxRow } from '../../../domain/outbox/row';
import type { OutboxDb } from './db';

const DAY = 24 * 60 * 60_000;

/**
 * Removes the identifiable details (the Bundle with the patient and the free text, the NHS number and name, the link
 * worker's note and the summary of the outcome) of referrals delivered more than `retentionDays` ago. The status trail and times stay. Referrals not
 * yet delivered are never touched. Returns how many were redacted.
 */
export async function redactDelivered(db: OutboxDb, now: number, retentionDays: number): Promise<number> {
  return redact(db, now, (rows) =>
    rows
      .where('deliveredAt')
      .belowOrEqual(now - retentionDays * DAY)
      .filter((row) => row.status === 'delivered' && row.redactedAt === undefined)
      .toArray(),
  );
}

/**
 * A referral the service refused keeps its Bundle only while it needs attention: once it has waited `retentionDays`
 * since it was refused (nobody sent it again), its identifiable details go as for a delivered one. It stays in the list,
 * needing attention, with its trail; it can no longer be sent again (the GP refers again from the pad).
 */
export async function redactNeedsAttention(db: OutboxDb, now: number, retentionDays: number): Promise<number> {
  return redact(db, now, (rows) =>
    rows
      .where('status')
      .equals('needs-attention')
      .filter((row) => row.redactedAt === undefined && row.updatedAt <= now - retentionDays * DAY)
      .toArray(),
  );
}

async function redact(
  db: OutboxDb,
  now: number,
  find: (rows: OutboxDb['referrals']) => Promise<OutboxRow[]>,
): Promise<number> {
  return db.transaction('rw', db.referrals, db.bundles, async () => {
    const old = await find(db.referrals);
    const redacted = old.map(({ nhsNumber: _nhs, patientName: _name, linkWorker, messageBack, ...kept }) => ({
      ...kept,
      ...(linkWorker ? { linkWorker: withoutNote(linkWorker) } : {}),
      ...(messageBack ? { messageBack: withoutSummary(messageBack) } : {}),
      redactedAt: now,
    }));
    await db.referrals.bulkPut(redacted);
    await db.bundles.bulkDelete(old.map((row) => row.id));
    return redacted.length;
  });
}

function withoutNote({ note: _note, ...status }: NonNullable<OutboxRow['linkWorker']>) {
  return status;
}

/** The summary for the GP is free text that may name the person: it goes with the other details; the coded outcome stays. */
function withoutSummary(back: MessageBack): MessageBack {
  if (!back.closing) return back;
  const { summary: _summary, ...closing } = back.closing;
  return { ...back, closing };
}
