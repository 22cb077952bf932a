import pg from 'pg';
import type { Db, Queryable } from './db';

/** A PostgreSQL server through a connection pool. Several processes may share it: all state lives in the database. */
export async function openPostgres(connectionString: string, poolSize = 10): Promise<Db> {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // An idle connection the server drops (a restart, a failover) is replaced by the pool; unheard, its error would end
  // the process. Only the code is logged: a message may quote a value.
  pool.on('error', (error: Error & { code?: string }) => {
    console.error(`queue: a database connection was lost (${error.code ?? error.name}); the pool opens another.`);
  });
  // Fail at start-up, not at the first request, when the server cannot be reached.
  await pool.query('SELECT 1');
  const wrap = (target: Pick<pg.Pool, 'query'>): Queryable => ({
    async query<T>(sql: string, params: unknown[] = []) {
      return (await target.query(sql, params)).rows as T[];
    },
  });
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
}
