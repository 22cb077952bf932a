import { mkdirSync } from 'node:fs';
import type { Db } from './db';
import { migrate } from './migrate';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';

export const DEFAULT_DATA_DIR = '.data/queue';

/**
 * PostgreSQL when `databaseUrl` is given (DATABASE_URL), else the embedded database in `dataDir` ('memory' keeps it
 * in memory). Migrations are applied before anything else runs.
 */
export async function openDb(options: { databaseUrl?: string; dataDir?: string }): Promise<Db> {
  let db: Db;
  if (options.databaseUrl) db = await openPostgres(options.databaseUrl);
  else if (options.dataDir === 'memory') db = await openPglite();
  else {
    const dir = options.dataDir ?? DEFAULT_DATA_DIR;
    mkdirSync(dir, { recursive: true });
    db = await openPglite(dir);
  }
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
