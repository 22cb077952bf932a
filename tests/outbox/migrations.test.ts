import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { openOutbox } from '../../lib/outbox/db';
import { sentReferrals, waitingCount } from '../../lib/outbox/queries';
import { outboxRowSchema } from '../../lib/outbox/row';
import { SCHEMA_VERSIONS } from '../../lib/outbox/schema';

/**
 * A database written by each schema version, as a browser may still hold it, must open with today's code with every
 * row readable, listable and still counted as waiting. A new schema version needs a fixture here (the test says so).
 */
const FIXTURES: Record<number, Record<string, unknown>[]> = {
  1: [
    {
      id: '0b6f3c5e-1d2a-4e8b-9c7d-2f1e0a9b8c7d',
      status: 'queued',
      bundle: { resourceType: 'Bundle', type: 'transaction', entry: [] },
      nhsNumber: '9434765919',
      patientName: 'Margaret O’Neill-Smith',
      practice: 'L81001',
      needs: ['loneliness'],
      createdAt: 1_763_800_000_000,
      updatedAt: 1_763_800_000_000,
      attempts: 2,
      nextAttemptAt: 1_763_800_060_000,
      lastError: 'The queue service could not be reached; it will be tried again.',
      polls: 0,
      trail: [{ at: 1_763_800_000_000, status: 'queued' }],
    },
  ],
};

describe('outbox schema migrations', () => {
  it('has a fixture for every schema version', () => {
    expect(Object.keys(FIXTURES).map(Number)).toEqual(SCHEMA_VERSIONS.map(({ version }) => version));
  });

  it.each(SCHEMA_VERSIONS.map(({ version }) => version))('opens a database written at version %i', async (version) => {
    const name = `outbox-migration-from-${version}`;
    const old = new Dexie(name);
    for (const step of SCHEMA_VERSIONS.filter((entry) => entry.version <= version)) {
      old.version(step.version).stores(step.stores);
    }
    await old.table('referrals').bulkAdd(FIXTURES[version] ?? []);
    old.close();

    const db = openOutbox(name);
    const rows = await db.referrals.toArray();
    expect(rows.map((row) => outboxRowSchema.safeParse(row).success)).toEqual(rows.map(() => true));
    expect(rows).toHaveLength(FIXTURES[version]?.length ?? -1);
    expect(await waitingCount(db)).toBe(rows.length);
    expect((await sentReferrals({ nhsNumber: '9434765919' }, db)).map((row) => row.id)).toEqual(rows.map((r) => r.id));
    db.close();
  });
});
