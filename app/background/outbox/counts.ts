import { ukDate } from '../../../domain/clock/uk-date';
import type { CheckEnded } from '../../../domain/evaluation/check-ending';
import { toMeasureReport } from '../../../domain/evaluation/measure-report';
import { talliesOf } from '../../../domain/evaluation/tally';
import type { CountBatch, StoredCheck } from '../../../domain/outbox/count-batch';
import type { OutboxDb } from './db';

const DAY = 24 * 60 * 60_000;
/** A sealed check is kept this long, so that a late report of it (a pad still open at midnight) is not counted again. */
const SEALED_KEPT_MS = 2 * DAY;

/**
 * What a pad says of the check in front of it (redirected or abandoned, never sent: a sent ending is written with the
 * referral's outbox row, `enqueueReferral`). Its day is today's. A sent check keeps its ending; a check sealed
 * yesterday and taken up again today is a new check of today (README, "Counts from the point of referral").
 */
export async function recordCheck(db: OutboxDb, check: CheckEnded, now: number): Promise<void> {
  await db.transaction('rw', db.checks, async () => {
    const known = await db.checks.get(check.referralId);
    if (known?.final) return;
    await db.checks.put({ ...check, day: ukDate(now), final: false });
  });
}

/** The check of a referral going into the outbox: final, so no later report counts it otherwise. */
export function sentCheck(check: CheckEnded, now: number): StoredCheck {
  return { ...check, day: ukDate(now), final: true };
}

/**
 * Seals every day that has ended: its checks become one batch per practice and day, each with a fresh key, in the
 * same transaction that marks them sealed — so a stopped worker leaves either the checks or the batch, never both
 * and never neither (HEC5, HEC6). With sharing off, nothing is sealed and what was counted is dropped unsent.
 */
export async function sealCounts(
  db: OutboxDb,
  { now, share, newKey }: { now: number; share: boolean; newKey: () => string },
): Promise<number> {
  const today = ukDate(now);
  return db.transaction('rw', db.checks, db.countBatches, async () => {
    const open = await db.checks
      .where('day')
      .below(today)
      .filter((check) => check.sealedAt === undefined)
      .toArray();
    const expired = await db.checks
      .filter((check) => check.sealedAt !== undefined && check.sealedAt < now - SEALED_KEPT_MS)
      .primaryKeys();
    await db.checks.bulkDelete(expired);
    // A delivered batch is kept a week, for a look at what was sent; then it goes.
    await db.countBatches
      .filter((batch) => batch.status === 'delivered' && (batch.deliveredAt ?? 0) < now - 7 * DAY)
      .delete();
    if (!share) {
      await db.checks.bulkDelete(open.map((check) => check.referralId));
      await db.countBatches.filter((batch) => batch.status !== 'delivered').delete();
      return 0;
    }
    const batches = talliesOf(open, (check) => check.day).map(
      (tally): CountBatch => ({
        key: newKey(),
        odsCode: tally.odsCode,
        day: tally.day,
        report: toMeasureReport(tally),
        status: 'queued',
        createdAt: now,
        attempts: 0,
        nextAttemptAt: now,
      }),
    );
    await db.countBatches.bulkAdd(batches);
    await db.checks.bulkPut(open.map((check) => ({ ...check, sealedAt: now })));
    return batches.length;
  });
}
