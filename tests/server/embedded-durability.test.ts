import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../server/store/open';

const O_SYNC = 0o4010000;

/** The flags (octal, as Linux shows them) of this process's open files under `dir`. */
function openFlags(dir: string): { path: string; flags: number }[] {
  return readdirSync('/proc/self/fd').flatMap((fd) => {
    try {
      const path = readlinkSync(`/proc/self/fd/${fd}`);
      if (!path.startsWith(dir)) return [];
      const flags = /^flags:\s+(\d+)/m.exec(readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'))?.[1] ?? '0';
      return [{ path, flags: Number.parseInt(flags, 8) }];
    } catch {
      return [];
    }
  });
}

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the embedded database in a data directory', () => {
  it('writes each commit’s WAL synchronously, so a referral it acknowledged is on the disk (HQ8)', async () => {
    dir = mkdtempSync(join(tmpdir(), 'embedded-durability-'));
    const db = await openDb({ dataDir: dir });
    try {
      await db.query("INSERT INTO practice (ods_code, name) VALUES ('L81001', 'Riverside Surgery')");
      const wal = openFlags(dir).filter(({ path }) => path.includes('/pg_wal/'));
      expect(wal.length).toBeGreaterThan(0);
      for (const file of wal) expect(file.flags & O_SYNC, file.path).toBe(O_SYNC);
    } finally {
      await db.close();
    }
    // Closed, it has let go of every file (and synced them: Postgres's last checkpoint is not synced by PGlite).
    expect(openFlags(dir)).toEqual([]);
  });
});
