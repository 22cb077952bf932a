import { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable } from './db';

/**
 * The embedded database: Postgres compiled to WebAssembly, in this process. `dataDir` undefined keeps it in memory
 * (tests). One connection: PGlite runs queries and transactions one at a time, in order.
 */
export async function openPglite(dataDir?: string): Promise<Db> {
  // A new WAL file is 16 MB: filled with zeros, as Postgres does by default, it stalled every write behind it for tens
  // of milliseconds, about once every 2,000 referrals (bench); off, only its last byte is written.
  const pg = new PGlite(dataDir, { startParams: [...PGlite.defaultStartParams, '-c', 'wal_init_zero=off'] });
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
    close: () => pg.close(),
  };
}
