import { closeSync, fsyncSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable } from './db';

/**
 * How Postgres runs here. PGlite starts it with fsync off (-F), and its Node file system has no fsync at all (a
 * no-op), but it opens files with the flags Postgres asks for: so fsync on, with the WAL opened O_DSYNC
 * (open_datasync), puts each commit's WAL on the disk before the referral is acknowledged (hazard HQ8). That costs
 * a commit about 0.3 ms; syncing the WAL file after each commit instead cost 1.2 ms. A new WAL file is not filled
 * with zeros: each 16 MB fill stalled every write behind it for tens of milliseconds, about once every 2,000
 * referrals (bench); off, only its last byte is written.
 */
const START_PARAMS = [
  ...PGlite.defaultStartParams.filter((param) => param !== '-F'),
  '-c',
  'wal_sync_method=open_datasync',
  '-c',
  'wal_init_zero=off',
];

/**
 * The embedded database: Postgres compiled to WebAssembly, in this process. `dataDir` undefined keeps it in memory
 * (tests). One connection: PGlite runs queries and transactions one at a time, in order.
 */
export async function openPglite(dataDir?: string): Promise<Db> {
  const pg = new PGlite(dataDir, { startParams: START_PARAMS });
  await pg.waitReady;
  const wrap = (target: Pick<PGlite, 'query'>): Queryable => ({
    async query<T>(sql: string, params: unknown[] = []) {
      return (await target.query<T>(sql, params)).rows;
    },
  });
  return {
    kind: 'pglite',
    ...wrap(pg),
    transaction: (work) => pg.transaction((tx) => work(wrap(tx))),
    exec: async (sql) => {
      await pg.exec(sql);
    },
    close: async () => {
      await pg.close();
      if (dataDir) syncTree(dataDir);
    },
  };
}

/**
 * Closing ends with a checkpoint: Postgres writes its data files and drops the WAL before it, and the fsyncs it then
 * asks for do nothing here. So every file and folder is synced once PGlite has closed.
 */
function syncTree(dir: string): void {
  const sync = (path: string) => {
    const fd = openSync(path, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  };
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile() || entry.isDirectory()) sync(join(entry.parentPath, entry.name));
  sync(dir);
}
