import { describe, expect, it } from 'vitest';
import { openOutbox } from '../../app/background/outbox/db';
import { enqueueReferral, OutboxUnavailableError, outboxAvailable } from '../../app/background/outbox/enqueue';
import { sentReferrals, undelivered } from '../../app/background/outbox/queries';
import { startOfToday, startOfWeek } from '../../domain/clock/day-start';
import { bundleToReferral } from '../../domain/fhir';
import { outboxRowSchema } from '../../domain/outbox/row';
import { aReferral, freshOutbox } from './support';

describe('enqueueing a referral', () => {
  it('commits a queued row carrying the referral as its FHIR Bundle, with the patient for the pad’s lists', async () => {
    const db = freshOutbox();
    const referral = aReferral();
    const saved = await enqueueReferral(referral, { db, now: 1_000 });

    // Read back through a second connection: what a restarted browser would find.
    const reopened = openOutbox(db.name);
    const row = await reopened.referrals.get(referral.id);
    expect(row).toEqual(saved);
    expect(outboxRowSchema.parse(row)).toMatchObject({
      status: 'queued',
      attempts: 0,
      nextAttemptAt: 1_000,
      nhsNumber: referral.patient.nhsNumber,
      patientName: `${referral.patient.given} ${referral.patient.family}`,
      practice: 'L81001',
      trail: [{ at: 1_000, status: 'queued' }],
    });
    expect(bundleToReferral((await reopened.bundles.get(referral.id))?.bundle)).toEqual({ ok: true, referral });
  });

  it('enqueueing the same referral twice (a double click) keeps one row', async () => {
    const db = freshOutbox();
    const referral = aReferral();
    await enqueueReferral(referral, { db, now: 1_000 });
    const again = await enqueueReferral(referral, { db, now: 2_000 });
    expect(again.createdAt).toBe(1_000);
    expect(await db.referrals.count()).toBe(1);
    const [first, second] = await Promise.all([
      enqueueReferral({ ...referral, id: crypto.randomUUID() }, { db, now: 3_000 }),
      enqueueReferral(referral, { db, now: 4_000 }),
    ]);
    expect([first.createdAt, second.createdAt]).toEqual([3_000, 1_000]);
    expect(await db.referrals.count()).toBe(2);
  });

  it('enqueued again after its details were removed (retention), brings nothing back', async () => {
    const db = freshOutbox();
    const referral = aReferral();
    await enqueueReferral(referral, { db, now: 1_000 });
    await db.bundles.delete(referral.id);
    await db.referrals.update(referral.id, { redactedAt: 5_000 });
    const again = await enqueueReferral(referral, { db, now: 6_000 });
    expect(again).toMatchObject({ createdAt: 1_000, redactedAt: 5_000 });
    expect(await db.bundles.get(referral.id)).toBeUndefined();
  });

  it('rejects with a clear error, and says the outbox is unavailable, where IndexedDB cannot be opened', async () => {
    const privateWindow = openOutbox('outbox-private', {
      indexedDB: {
        open: () => {
          throw new DOMException('The user denied permission to access the database.', 'InvalidStateError');
        },
      },
    });
    expect(await outboxAvailable(privateWindow)).toBe(false);
    const refused = enqueueReferral(aReferral(), { db: privateWindow });
    await expect(refused).rejects.toBeInstanceOf(OutboxUnavailableError);
    await expect(refused).rejects.toThrow(/referral was not saved/);
    expect(await outboxAvailable(freshOutbox())).toBe(true);
  });
});

describe('the pad’s lists', () => {
  it('lists this patient’s referrals and the practice’s since a time, newest first, and counts what waits', async () => {
    const db = freshOutbox();
    const monday = new Date(2026, 10, 16, 9, 0).getTime();
    const thursday = new Date(2026, 10, 19, 15, 30).getTime();
    const older = aReferral();
    const mine = aReferral();
    const someoneElse = aReferral({ patient: { ...aReferral().patient, nhsNumber: '9434765927', given: 'Jo' } });
    await enqueueReferral(older, { db, now: new Date(2026, 10, 10).getTime() });
    await enqueueReferral(mine, { db, now: thursday });
    await enqueueReferral(someoneElse, { db, now: thursday + 60_000 });

    const forPatient = await sentReferrals({ nhsNumber: mine.patient.nhsNumber }, db);
    expect(forPatient.map((row) => row.id)).toEqual([mine.id, older.id]);
    const thisWeek = await sentReferrals({ since: startOfWeek(thursday) }, db);
    expect(thisWeek.map((row) => row.id)).toEqual([someoneElse.id, mine.id]);
    expect(await sentReferrals({ since: startOfToday(thursday) + 24 * 60 * 60_000 }, db)).toEqual([]);
    expect(startOfWeek(thursday)).toBe(Date.parse('2026-11-16T00:00:00Z'));
    expect(startOfWeek(monday)).toBe(Date.parse('2026-11-16T00:00:00Z'));

    expect(await undelivered(db)).toHaveLength(3);
    const row = await db.referrals.get(mine.id);
    if (row) await db.referrals.put({ ...row, status: 'delivered' });
    expect(await undelivered(db)).toHaveLength(2);
  });
});
