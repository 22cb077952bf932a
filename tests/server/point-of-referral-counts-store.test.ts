import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PointOfReferralCounts } from '../../domain/evaluation/counts';
import type { Db } from '../../server/store/db';
import { openDb } from '../../server/store/open';
import { pointOfReferralCounts, recordPointOfReferralCounts } from '../../server/store/point-of-referral-counts';
import { addPractice } from '../../server/store/practices';
import { addService } from '../../server/store/services';
import { kingsmeadConnect, valleyPcn } from '../../test-support/fixtures/services';
import { type PostgresServer, startPostgres } from '../../test-support/queue/postgres-server';

const AT = new Date('2026-12-03T10:00:00Z');

function day(odsCode: string, date: string, serviceId: string | null, n: number): PointOfReferralCounts {
  return {
    odsCode,
    day: date,
    services: [
      {
        serviceId,
        modelVersion: serviceId ? 2 : null,
        checked: 4 * n,
        sentInModel: n,
        sentWithOverride: n,
        redirected: [{ route: 'NHS 111, option 2', n }],
        abandoned: n,
      },
    ],
  };
}

async function seeded(db: Db) {
  await addPractice(db, { odsCode: 'L81001', name: 'Riverside Surgery' });
  await addPractice(db, { odsCode: 'Y02345', name: 'Hillside Health Centre' });
  await addService(db, kingsmeadConnect, AT);
  await addService(db, valleyPcn, AT);
}

const arrival = (counts: PointOfReferralCounts, batchKey: string, bodyHash = `hash-${batchKey}`) => ({
  counts,
  batchKey,
  bodyHash,
  receivedAt: AT,
});

describe.each([
  ['the embedded database', async () => ({ db: await openDb({ dataDir: 'memory' }), stop: async () => {} })],
  [
    'PostgreSQL',
    async () => {
      const server: PostgresServer = await startPostgres();
      return { db: await openDb({ databaseUrl: server.url() }), stop: () => server.stop() };
    },
  ],
])('point-of-referral counts on %s', (_name, open) => {
  let db: Db;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, stop } = await open());
    await seeded(db);
  });
  afterAll(async () => {
    await db?.close();
    await stop?.();
  });

  it('keeps a batch once under its key, and refuses the key with other counts', async () => {
    const batch = arrival(day('L81001', '2026-11-30', kingsmeadConnect.id, 1), 'key-1');
    expect(await recordPointOfReferralCounts(db, batch)).toBe('recorded');
    expect(await recordPointOfReferralCounts(db, batch)).toBe('replayed');
    expect(
      await recordPointOfReferralCounts(db, arrival(day('L81001', '2026-11-30', kingsmeadConnect.id, 2), 'key-1', 'x')),
    ).toBe('key-conflict');
    // Another practice may use the same key: keys are each practice's own.
    expect(
      await recordPointOfReferralCounts(db, arrival(day('Y02345', '2026-11-30', kingsmeadConnect.id, 1), 'key-1')),
    ).toBe('recorded');
    const [{ n }] = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM point_of_referral_count')) as [
      { n: number },
    ];
    expect(n).toBe(8);
  });

  it('adds up every batch of a week and practice, by service, ending and route', async () => {
    // Two browsers of one practice on two days of one week; one day of the next week; another service.
    await recordPointOfReferralCounts(db, arrival(day('L81001', '2026-12-01', kingsmeadConnect.id, 2), 'key-2'));
    await recordPointOfReferralCounts(db, arrival(day('L81001', '2026-12-07', kingsmeadConnect.id, 5), 'key-3'));
    await recordPointOfReferralCounts(db, arrival(day('L81001', '2026-12-01', valleyPcn.id, 7), 'key-4'));
    await recordPointOfReferralCounts(db, arrival(day('L81001', '2026-12-02', null, 3), 'key-5'));

    const rows = await pointOfReferralCounts(db, {
      serviceId: kingsmeadConnect.id,
      from: '2026-11-30',
      to: '2026-12-06',
    });
    expect(rows).toEqual([
      ...['L81001', 'Y02345'].flatMap((odsCode) => {
        const n = odsCode === 'L81001' ? 3 : 1;
        const base = { weekStart: '2026-11-30', odsCode, serviceId: kingsmeadConnect.id, modelVersion: 2 };
        return [
          { ...base, ending: 'abandoned', route: null, n },
          { ...base, ending: 'redirected', route: 'NHS 111, option 2', n },
          { ...base, ending: 'sent-in-model', route: null, n },
          { ...base, ending: 'sent-with-override', route: null, n },
        ];
      }),
    ]);
    const all = await pointOfReferralCounts(db, { from: '2026-12-01', to: '2026-12-31' });
    expect(new Set(all.map((row) => `${row.weekStart} ${row.serviceId}`))).toEqual(
      new Set([
        '2026-11-30 null',
        `2026-11-30 ${kingsmeadConnect.id}`,
        `2026-11-30 ${valleyPcn.id}`,
        `2026-12-07 ${kingsmeadConnect.id}`,
      ]),
    );
    expect(all.filter((row) => row.weekStart === '2026-12-07').reduce((sum, row) => sum + row.n, 0)).toBe(20);
  });

  it('keeps nothing of a batch that cannot be stored whole', async () => {
    const unknown = day('L81001', '2026-12-01', 'no-such-service', 1);
    await expect(recordPointOfReferralCounts(db, arrival(unknown, 'key-6'))).rejects.toThrow();
    const kept = await db.query("SELECT 1 FROM point_of_referral_batch WHERE batch_key = 'key-6'");
    expect(kept).toEqual([]);
  });
});
