/**
 * Every version of the outbox's IndexedDB schema, oldest first. Never edit or drop a published entry: a browser may
 * still hold a database at any of them, and Dexie needs the whole history to upgrade it. Add a new entry (with an
 * `upgrade` when rows must change) and a fixture for it in tests/outbox/migrations.test.ts.
 */
export const SCHEMA_VERSIONS: ReadonlyArray<{ version: number; stores: Record<string, string> }> = [
  {
    version: 1,
    stores: {
      referrals:
        'id, status, [status+nextAttemptAt], [status+leaseUntil], nhsNumber, createdAt, deliveredAt, pollAt, practice',
    },
  },
];

export const DATABASE_NAME = 'outbox';
