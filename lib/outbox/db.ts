import { Dexie, type EntityTable } from 'dexie';
import type { OutboxRow } from './row';
import { DATABASE_NAME, SCHEMA_VERSIONS } from './schema';

export type OutboxDb = Dexie & { referrals: EntityTable<OutboxRow, 'id'> };

/**
 * The outbox database. It lives in the extension's origin: open it only from extension pages and the background
 * worker, never from a content script (there IndexedDB would belong to the host page).
 * Strict durability: a transaction resolves only once the write is flushed to disk, so "Saved" survives a crash.
 */
export function openOutbox(name = DATABASE_NAME, indexedDB?: { open: IDBFactory['open'] }): OutboxDb {
  const db = new Dexie(name, { chromeTransactionDurability: 'strict', ...(indexedDB && { indexedDB }) }) as OutboxDb;
  for (const { version, stores } of SCHEMA_VERSIONS) db.version(version).stores(stores);
  return db;
}

let shared: OutboxDb | undefined;

/** The one database handle of this extension context. */
export function outbox(): OutboxDb {
  shared ??= openOutbox();
  return shared;
}
