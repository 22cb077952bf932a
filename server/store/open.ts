import { mkdirSync } from 'node:fs';
import { fillResponseDue } from './caseload/due';
import type { Db } from './db';
import { migrate } from './migrate';
import { takeDataDir } from './owner';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';

export const DEFAULT_DATA_DIR = '.data/queue';

/**
 * PostgreSQL when `databaseUrl` is given (DATABASE_URL), else the embedded database in `dataDir` ('memory' keeps it
 * in memory), which this process then owns until it closes it (server/store/owner.ts: `serve` or a one-off command);
 * another process on it throws DataDirInUse. Migrations are applied before anything else runs.
 */
export async function openDb(options: {
  databaseUrl?: string;
  dataDir?: string;
  role?: 'serve' | 'command';
}): Promise<Db> {
  let db: Db;
  if (options.databaseUrl) db = await openPostgres(options.databaseUrl);
  else if (options.dataDir === 'memory') db = await openPglite();
  else db = await openOwned(options.dataDir ?? DEFAULT_DATA_DIR, options.role ?? 'command');
  try {
    await migrate(db);
    await fillResponseDue(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

async function openOwned(dir: string, role: 'serve' | 'command'): Promise<Db> {
  mkdirSync(dir, { recursive: true });
  const release = takeDataDir(dir, role);
  try {
    const db = await openPglite(dir);
    return {
      ...db,
      close: async () => {
        await db.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
