import { Dexie, type EntityTable } from 'dexie';
import type { CountBatch, StoredCheck } from '../../../domain/outbox/count-batch';
import type { OutboxRow, StoredBundle } from '../../../domain/outbox/row';
import { DATABASE_NAME, SCHEMA_VERSIONS } from './schema';

export type OutboxDb = Dexie & {
  referrals: EntityTable<OutboxRow, 'id'>;
  /** Each referral's FHIR Bundle, by referral id: written once at enqueue, read to send, removed at retention. */
  bundles: EntityTable<StoredBundle, 'id'>;
  /** Checks in the pad not yet sealed into a day's counts (no patient data). */
  checks: EntityTable<StoredCheck, 'referralId'>;
  /** Each practice's day of counts, sealed, to send once. */
  countBatches: EntityTable<CountBatch, 'key'>;
};

type OpenOptions = {
  /**
   * strict (the default, for the pad): a transaction resolves only once the write is flushed to disk, so "Saved"
   * survives a crash. relaxed (the background's drain): a lost write there only means a row is sent again, which the
   * Idempotency-Key makes harmless, and an fsync per row would slow the drain.
   */
  durability?: 'strict' | 'relaxed';
  /** Another IndexedDB (tests of a browser where IndexedDB cannot open). */
  indexedDB?: { open: IDBFactory['open'] };
};

/**
 * The outbox database. It lives in the extension's origin: open it only from extension pages and the background
 * worker, never from a content script (there IndexedDB would belong to the host page).
 */
export function openOutbox(name = DATABASE_NAME, { durability = 'strict', indexedDB }: OpenOptions = {}): OutboxDb {
  const db = new Dexie(name, { chromeTransactionDurability: durability, ...(indexedDB && { indexedDB }) }) as OutboxDb;
  for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
    const declared = db.version(version).stores(stores);
    if (upgrade) declared.upgrade(upgrade);
  }
  return db;
}

const shared: Partial<Record<'strict' | 'relaxed', OutboxDb>> = {};

/** This extension context's database handle (strict unless asked otherwise). */
export function outbox(durability: 'strict' | 'relaxed' = 'strict'): OutboxDb {
  shared[durability] ??= openOutbox(DATABASE_NAME, { durability });
  return shared[durability];
}
