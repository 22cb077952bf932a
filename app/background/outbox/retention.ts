import type { OutboxDb } from './db';

const DAY = 24 * 60 * 60_000;

/**
 * Removes the identifiable details (the Bundle with the patient and the free text, the NHS number and name, the link
 * worker's note) of referrals delivered more than `retentionDays` ago. The status trail and times stay. Referrals not
 * yet delivered are never touched. Returns how many were redacted.
 */
export async function redactDelivered(db: OutboxDb, now: number, retentionDays: number): Promise<number> {
  return db.transaction('rw', db.referrals, db.bundles, async () => {
    const old = await db.referrals
      .where('deliveredAt')
      .belowOrEqual(now - retentionDays * DAY)
      .filter((row) => row.status === 'delivered' && row.redactedAt === undefined)
      .toArray();
    const redacted = old.map(({ nhsNumber: _nhs, patientName: _name, linkWorker, ...kept }) => {
      if (!linkWorker) return { ...kept, redactedAt: now };
      const { note: _note, ...status } = linkWorker;
      return { ...kept, linkWorker: status, redactedAt: now };
    });
    await db.referrals.bulkPut(redacted);
    await db.bundles.bulkDelete(old.map((row) => row.id));
    return redacted.length;
  });
}
