import { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable } from './db';

/**
 * The embedded database: Postgres compiled to WebAssembly, in this process. `dataDir` undefined keeps it in memory
 * (tests). One connection: PGlite runs queries and transactions one at a time, in order.
 */
export async function openPglite(dataDir?: string): Promise<Db> {
  const pg = new PGlite(dataDir);
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
