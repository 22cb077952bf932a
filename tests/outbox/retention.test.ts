// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { enqueueReferral } from '../../app/background/outbox/enqueue';
import { resendReferral, undelivered } from '../../app/background/outbox/queries';
import { runOutbox } from '../../app/background/outbox/run';
import { sentReferralView } from '../../domain/outbox/sent-wording';
import { standInQueueBehindProxy } from '../../test-support/queue/behind-proxy';
import { aReferral, clock, drainer, freshOutbox } from './support';

const DAY = 24 * 60 * 60_000;

const service = standInQueueBehindProxy();

/** A referral enqueued in a fresh outbox, with the queue behind the proxy refusing it; the clock is the test's. */
async function refusedReferral() {
  const db = freshOutbox();
  const time = clock();
  const { deps } = drainer(db, service.proxy.url, service.queue.token, time.now);
  const referral = aReferral();
  await enqueueReferral(referral, { db, now: time.now() });
  service.proxy.mode = 'refuse';
  return { db, time, deps, referral, proxy: service.proxy };
}

describe('a referral that needs attention keeps its details only while it does', () => {
  it('is redacted once it has waited the retention period, keeping its trail; it can no longer be sent again', async () => {
    const { db, time, deps, referral, proxy } = await refusedReferral();
    proxy.refusal = 'Practice L81001 is not registered with this service.';
    await runOutbox({ ...deps, retentionDays: 7 });
    const refusedAt = time.now();
    expect(await db.referrals.get(referral.id)).toMatchObject({ status: 'needs-attention', nhsNumber: '9434765919' });

    // Six days on: still needing attention, with everything needed to send it again.
    time.set(refusedAt + 6 * DAY);
    await runOutbox({ ...deps, retentionDays: 7 });
    expect(await db.bundles.get(referral.id)).toBeDefined();
    expect((await db.referrals.get(referral.id))?.redactedAt).toBeUndefined();

    // Seven days after it was refused, and nobody sent it again.
    time.set(refusedAt + 7 * DAY);
    await runOutbox({ ...deps, retentionDays: 7 });
    const row = await db.referrals.get(referral.id);
    expect(row).toMatchObject({
      status: 'needs-attention',
      redactedAt: time.now(),
      practice: referral.referrer.odsCode,
    });
    expect(row?.nhsNumber).toBeUndefined();
    expect(row?.patientName).toBeUndefined();
    expect(row?.trail.map((step) => step.status)).toEqual(['queued', 'needs-attention']);
    expect(await db.bundles.get(referral.id)).toBeUndefined();

    // What the GP sees: no Send again, and why; the badge no longer counts it.
    proxy.mode = 'pass';
    expect(await resendReferral(referral.id, db, time.now())).toBe(false);
    expect(sentReferralView(row as NonNullable<typeof row>, time.now(), { afterMinutes: 60 })).toMatchObject({
      state: 'Needs attention',
      canSendAgain: false,
      detail: expect.stringMatching(/details have been removed .* refer the patient again/),
    });
    expect(await undelivered(db)).toHaveLength(0);
  });

  it('is counted from when it was last refused: one sent again and refused again keeps its details', async () => {
    const { db, time, deps, referral } = await refusedReferral();
    await runOutbox({ ...deps, retentionDays: 7 });
    time.advance(5 * DAY);
    expect(await resendReferral(referral.id, db, time.now())).toBe(true);
    await runOutbox({ ...deps, retentionDays: 7 });
    time.advance(5 * DAY);
    await runOutbox({ ...deps, retentionDays: 7 });
    expect(await db.referrals.get(referral.id)).toMatchObject({ status: 'needs-attention', nhsNumber: '9434765919' });
    expect(await db.bundles.get(referral.id)).toBeDefined();
  });
});
