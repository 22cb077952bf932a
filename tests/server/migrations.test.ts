import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, migrations } from '../../server/store/migrate';
import { openDb } from '../../server/store/open';
import { type PostgresServer, startPostgres } from '../../test-support/queue/postgres-server';

let postgres: PostgresServer;
beforeAll(async () => {
  postgres = await startPostgres();
});
afterAll(async () => {
  await postgres?.stop();
});

describe('the schema’s migrations', () => {
  it('are applied once each when several service processes start together on one PostgreSQL database', async () => {
    const admin = new pg.Client({ connectionString: postgres.url() });
    await admin.connect();
    await admin.query('CREATE DATABASE migrations_race');
    await admin.end();
    const url = postgres.url('migrations_race');

    const processes = await Promise.all(Array.from({ length: 4 }, () => openDb({ databaseUrl: url })));
    try {
      const applied = await processes[0]?.query<{ version: number; name: string }>(
        'SELECT version, name FROM schema_migration ORDER BY version',
      );
      expect(applied).toEqual(migrations().map(({ version, name }) => ({ version, name })));
      // Each process can use the whole schema, the newest migration's change included.
      const [settings] =
        (await processes[3]?.query<{ options: string[] }>(
          "SELECT reloptions AS options FROM pg_class WHERE relname = 'referral'",
        )) ?? [];
      expect(settings?.options).toContain('toast_tuple_target=8160');
    } finally {
      await Promise.all(processes.map((db) => db.close()));
    }
  });

  it('bring an embedded database opened again up to date without applying any twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'queue-migrations-'));
    try {
      await (await openDb({ dataDir: dir })).close();
      const again = await openDb({ dataDir: dir });
      try {
        expect(await migrate(again)).toEqual([]);
        const versions = await again.query<{ version: number }>(
          'SELECT version FROM schema_migration ORDER BY version',
        );
        expect(versions.map((row) => row.version)).toEqual(migrations().map((migration) => migration.version));
      } finally {
        await again.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
