/**
 * Every version of the outbox's IndexedDB schema, oldest first. Never edit or drop a published entry: a browser may
 * still hold a database at any of them, and Dexie needs the whole history to upgrade it. Add a new entry (with an
 * `upgrade` when rows must change) and a fixture for it in tests/outbox/migrations.test.ts.
 */
import type { Transaction } from 'dexie';

export type SchemaVersion = {
  version: number;
  stores: Record<string, string | null>;
  /** Rewrites what an older version stored into this version's shape (Dexie runs it once, in the upgrade). */
  upgrade?: (tx: Transaction) => Promise<void>;
};

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      referrals:
        'id, status, [status+nextAttemptAt], [status+leaseUntil], nhsNumber, createdAt, deliveredAt, pollAt, practice',
    },
  },
  {
    // The Bundle moves to its own table: each claim and each outcome rewrote it with the row, the drain's main cost.
    version: 2,
    stores: { bundles: 'id' },
    upgrade: async (tx) => {
      const moved: { id: string; bundle: unknown }[] = [];
      await tx
        .table('referrals')
        .toCollection()
        .modify((row: { id: string; bundle?: unknown }) => {
          if (row.bundle !== undefined) moved.push({ id: row.id, bundle: row.bundle });
          delete row.bundle;
        });
      await tx.table('bundles').bulkPut(moved);
    },
  },
  {
    // Counts from the point of referral (issue 18): each open check by its referral's id (no patient data), and the
    // day's counts sealed into batches, each sent once under its key.
    version: 3,
    stores: { checks: 'referralId, day', countBatches: 'key, [status+nextAttemptAt], [status+leaseUntil]' },
  },
];

export const DATABASE_NAME = 'outbox';
