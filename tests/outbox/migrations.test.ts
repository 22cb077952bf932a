import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { openOutbox } from '../../app/background/outbox/db';
import { sentReferrals, undelivered } from '../../app/background/outbox/queries';
import { SCHEMA_VERSIONS } from '../../app/background/outbox/schema';
import { outboxRowSchema } from '../../domain/outbox/row';

/**
 * A database written by each schema version, as a browser may still hold it, must open with today's code: every row
 * readable, listed, still counted as waiting, and its Bundle still there to send. A new schema version needs a fixture
 * here (the first test says so).
 */
const ID = '0b6f3c5e-1d2a-4e8b-9c7d-2f1e0a9b8c7d';
const BUNDLE = { resourceType: 'Bundle', type: 'transaction', entry: [] };
const ROW = {
  id: ID,
  status: 'queued',
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
};

const FIXTURES: Record<number, Record<string, object[]>> = {
  // Version 1 kept the Bundle in the row.
  1: { referrals: [{ ...ROW, bundle: BUNDLE }] },
  2: { referrals: [ROW], bundles: [{ id: ID, bundle: BUNDLE }] },
  3: { referrals: [ROW], bundles: [{ id: ID, bundle: BUNDLE }], checks: [], countBatches: [] },
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
    for (const [table, rows] of Object.entries(FIXTURES[version] ?? {})) await old.table(table).bulkAdd(rows);
    old.close();

    const db = openOutbox(name);
    const rows = await db.referrals.toArray();
    expect(rows).toHaveLength(1);
    expect(rows.map((row) => outboxRowSchema.safeParse(row).success)).toEqual([true]);
    expect(rows[0]).not.toHaveProperty('bundle');
    expect(await db.bundles.get(ID)).toEqual({ id: ID, bundle: BUNDLE });
    expect(await undelivered(db)).toHaveLength(1);
    expect((await sentReferrals({ nhsNumber: '9434765919' }, db)).map((row) => row.id)).toEqual([ID]);
    db.close();
  });
});
