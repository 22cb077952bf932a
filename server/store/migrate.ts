import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './db';

const folder = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Any number, so that processes starting together on one PostgreSQL apply each migration once. */
const MIGRATION_LOCK = 724_311;

/** The numbered SQL files in migrations/, in order: `001-initial.sql`, `002-…`. */
export function migrations(): { version: number; name: string; sql: string }[] {
  return readdirSync(folder)
    .filter((file) => /^\d{3}-[a-z0-9-]+\.sql$/.test(file))
    .sort()
    .map((file) => ({ version: Number(file.slice(0, 3)), name: file, sql: readFileSync(join(folder, file), 'utf8') }));
}

/** Applies the migrations not yet applied, each in its own transaction, under a lock shared by every process. */
export async function migrate(db: Db): Promise<number[]> {
  const applied: number[] = [];
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(
      'CREATE TABLE IF NOT EXISTS schema_migration (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set(
      (await tx.query<{ version: number }>('SELECT version FROM schema_migration')).map((row) => row.version),
    );
    for (const migration of migrations()) {
      if (done.has(migration.version)) continue;
      for (const statement of statements(migration.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migration (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
    }
  });
  return applied;
}

/** Split on semicolons, except inside a dollar-quoted body ($$ … $$, migration 008's trigger function). */
function statements(sql: string): string[] {
  const parts = sql.replace(/--.*$/gm, '').split(/(\$\$[\s\S]*?\$\$)/);
  const result = [''];
  parts.forEach((part, index) => {
    if (index % 2 === 1) result[result.length - 1] += part;
    else {
      const [first = '', ...rest] = part.split(';');
      result[result.length - 1] += first;
      result.push(...rest);
    }
  });
  return result.map((statement) => statement.trim()).filter(Boolean);
}
