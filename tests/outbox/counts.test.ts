// @vitest-environment node
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { recordCheck, sealCounts } from '../../app/background/outbox/counts';
import { drainCounts } from '../../app/background/outbox/counts-drain';
import type { OutboxDb } from '../../app/background/outbox/db';
import type { DrainDeps } from '../../app/background/outbox/drain';
import { enqueueReferral } from '../../app/background/outbox/enqueue';
import { runOutbox } from '../../app/background/outbox/run';
import type { CheckEnded } from '../../domain/evaluation/check-ending';
import { fromMeasureReport } from '../../domain/evaluation/measure-report';
import { BOUNDARIED_VCSE_MODEL } from '../../domain/model/examples';
import { pointOfReferralCounts } from '../../server/store/point-of-referral-counts';
import { overriddenReferral } from '../../test-support/fixtures/referrals';
import { type FaultProxy, startFaultProxy } from '../../test-support/queue/fault-proxy';
import { type Queue, startQueue } from '../../test-support/queue/queue';
import { aReferral, clock, freshOutbox, quickPolicy } from './support';

/** Tuesday 1 December 2026, 10:00 in the UK; the day after, 00:10. */
const DAY_ONE = Date.parse('2026-12-01T10:00:00Z');
const NEXT_DAY = Date.parse('2026-12-02T00:10:00Z');
const ROUTE = 'NHS 111, option 2 (urgent mental health help)';

let queue: Queue;
let proxy: FaultProxy;
beforeAll(async () => {
  queue = await startQueue('pglite');
  proxy = await startFaultProxy(queue.url);
}, 120_000);
afterAll(async () => {
  await proxy?.close();
  await queue?.stop();
});
beforeEach(() => {
  proxy.mode = 'pass';
  proxy.failing.clear();
});

const check = (ending: CheckEnded['ending'], route: string | null = null): CheckEnded => ({
  referralId: randomUUID(),
  odsCode: 'L81001',
  serviceId: 'kingsmead-connect',
  modelVersion: BOUNDARIED_VCSE_MODEL.version,
  ending,
  route,
});

/** A day of checks in one browser: two sent (one with an override), one redirected, one abandoned. */
async function aDayOfChecks(db: OutboxDb) {
  const sent = { ...aReferral(), serviceId: 'kingsmead-connect' };
  const overridden = {
    ...overriddenReferral,
    id: randomUUID(),
    serviceId: 'kingsmead-connect',
    referrer: { ...overriddenReferral.referrer, odsCode: 'L81001' },
  };
  for (const referral of [sent, overridden]) {
    await enqueueReferral(
      { ...referral, verdict: { ...referral.verdict, modelVersion: BOUNDARIED_VCSE_MODEL.version } },
      { db, now: DAY_ONE, countCheck: true },
    );
  }
  await recordCheck(db, check('redirected', ROUTE), DAY_ONE);
  await recordCheck(db, check('abandoned'), DAY_ONE);
}

function deps(db: OutboxDb, now: () => number, fetcher: typeof fetch = globalThis.fetch): DrainDeps {
  return {
    db,
    queue: { endpoint: `${proxy.url}fhir`, token: queue.tokens.L81001 },
    fetch: fetcher,
    now,
    random: Math.random,
    policy: quickPolicy,
  };
}

/** What the queue holds for the day, summed over every batch: checked is the sum of the endings. */
async function received(day = '2026-12-01') {
  const rows = await pointOfReferralCounts(queue.db, { from: day, to: day });
  return Object.fromEntries(
    ['sent-in-model', 'sent-with-override', 'redirected', 'abandoned'].map((ending) => [
      ending,
      rows.filter((row) => row.ending === ending).reduce((sum, row) => sum + row.n, 0),
    ]),
  );
}

async function clearQueue() {
  await queue.db.query('DELETE FROM point_of_referral_count');
  await queue.db.query('DELETE FROM point_of_referral_batch');
}

describe('counts from the point of referral, through the outbox', () => {
  it('seals a day only once it has ended: one batch per practice and day, each check in it once', async () => {
    const db = freshOutbox();
    await aDayOfChecks(db);
    // A pad still open reports a sent check again: it stays sent, counted once.
    const [sentCheck] = await db.checks.filter((one) => one.final).toArray();
    await recordCheck(db, { ...(sentCheck as CheckEnded), ending: 'abandoned' }, DAY_ONE);
    expect(await sealCounts(db, { now: DAY_ONE + 3_600_000, share: true, newKey: randomUUID })).toBe(0);
    expect(await sealCounts(db, { now: NEXT_DAY, share: true, newKey: randomUUID })).toBe(1);
    expect(await sealCounts(db, { now: NEXT_DAY + 60_000, share: true, newKey: randomUUID })).toBe(0);
    const [batch] = await db.countBatches.toArray();
    expect(fromMeasureReport(batch?.report)).toMatchObject({
      ok: true,
      counts: {
        odsCode: 'L81001',
        day: '2026-12-01',
        services: [
          { checked: 4, sentInModel: 1, sentWithOverride: 1, redirected: [{ route: ROUTE, n: 1 }], abandoned: 1 },
        ],
      },
    });
    // After the seal, the late report of a sent check is still not counted.
    await recordCheck(db, { ...(sentCheck as CheckEnded), ending: 'abandoned' }, NEXT_DAY + 120_000);
    expect(await db.checks.filter((one) => one.sealedAt === undefined).count()).toBe(0);
  });

  it('with sharing off, counts nothing and sends nothing', async () => {
    const db = freshOutbox();
    await aDayOfChecks(db);
    await clearQueue();
    await runOutbox({ ...deps(db, () => NEXT_DAY), retentionDays: 7, shareCounts: false });
    expect(await db.checks.filter((one) => one.sealedAt === undefined).count()).toBe(0);
    expect(await db.countBatches.count()).toBe(0);
    expect(await received()).toEqual({ 'sent-in-model': 0, 'sent-with-override': 0, redirected: 0, abandoned: 0 });
  });

  it('delivers the day exactly once through failing POSTs and an answer lost on the way back', async () => {
    const db = freshOutbox();
    const time = clock(NEXT_DAY);
    await aDayOfChecks(db);
    await clearQueue();
    await sealCounts(db, { now: time.now(), share: true, newKey: randomUUID });
    const [batch] = await db.countBatches.toArray();

    proxy.mode = 'error';
    expect(await drainCounts(deps(db, time.now))).toBe(0);
    expect(await db.countBatches.get(batch?.key as string)).toMatchObject({ status: 'queued', attempts: 1 });
    // The queue stores it, but the answer never comes back: sent again under the same key.
    proxy.mode = 'swallow';
    time.set((await db.countBatches.get(batch?.key as string))?.nextAttemptAt ?? time.now());
    expect(await drainCounts(deps(db, time.now))).toBe(0);
    expect(proxy.forwarded.get(batch?.key as string)).toBe(1);
    proxy.mode = 'pass';
    time.set((await db.countBatches.get(batch?.key as string))?.nextAttemptAt ?? time.now());
    expect(await drainCounts(deps(db, time.now))).toBe(1);
    expect(proxy.forwarded.get(batch?.key as string)).toBe(2);
    expect(await db.countBatches.get(batch?.key as string)).toMatchObject({ status: 'delivered' });
    expect(await received()).toEqual({ 'sent-in-model': 1, 'sent-with-override': 1, redirected: 1, abandoned: 1 });
    // Nothing more is sent.
    expect(await drainCounts(deps(db, () => time.now() + 3_600_000))).toBe(0);
    expect(proxy.forwarded.get(batch?.key as string)).toBe(2);
  }, 60_000);

  it('delivers the day exactly once when the service worker is stopped mid-send', async () => {
    const db = freshOutbox();
    const time = clock(NEXT_DAY);
    await aDayOfChecks(db);
    await clearQueue();
    await sealCounts(db, { now: time.now(), share: true, newKey: randomUUID });
    // The worker sends the POST and is stopped before the answer: its drain never finishes, the batch stays claimed.
    let sentOnce: () => void = () => undefined;
    const sent = new Promise<void>((resolve) => {
      sentOnce = resolve;
    });
    const stopped: typeof fetch = async (url, init) => {
      await fetch(url, init);
      sentOnce();
      return new Promise<Response>(() => undefined);
    };
    void drainCounts(deps(db, time.now, stopped));
    await sent;
    expect(await received()).toMatchObject({ redirected: 1 });
    const [claimed] = await db.countBatches.toArray();
    expect(claimed).toMatchObject({ status: 'sending' });
    // A new worker: nothing is sent while the claim holds; once its lease has ended the batch goes again, same key.
    expect(await drainCounts(deps(db, time.now))).toBe(0);
    time.set((claimed?.leaseUntil ?? 0) + 1);
    expect(await drainCounts(deps(db, time.now))).toBe(1);
    expect(await received()).toEqual({ 'sent-in-model': 1, 'sent-with-override': 1, redirected: 1, abandoned: 1 });
  }, 60_000);

  it('keeps a batch the queue refuses, with its reason, and never sends it again by itself', async () => {
    const db = freshOutbox();
    const time = clock(NEXT_DAY);
    await recordCheck(db, { ...check('abandoned'), modelVersion: 99 }, DAY_ONE);
    await clearQueue();
    await sealCounts(db, { now: time.now(), share: true, newKey: randomUUID });
    expect(await drainCounts(deps(db, time.now))).toBe(0);
    const [refused] = await db.countBatches.toArray();
    expect(refused).toMatchObject({ status: 'needs-attention', lastError: expect.stringMatching(/not agreed/) });
    time.advance(24 * 3_600_000);
    expect(await drainCounts(deps(db, time.now))).toBe(0);
    expect(proxy.forwarded.get(refused?.key as string)).toBe(1);
  }, 60_000);
});
