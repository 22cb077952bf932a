import { execFile } from 'node:child_process';
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

/**
 * Runs `script` (ES module, TypeScript) in a child Node traced by strace; gives the file syncs it made, in order, each
 * as the path synced.
 */
function tracedSyncs(script: string, traceFile: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    execFile(
      'strace',
      [
        '-f',
        '-y',
        '-e',
        'trace=fsync,fdatasync',
        '-o',
        traceFile,
        process.execPath,
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        script,
      ],
      (error, _stdout, stderr) => {
        if (error) return reject(new Error(`${error.message}\n${stderr}`));
        const trace = readFileSync(traceFile, 'utf8');
        resolve([...trace.matchAll(/f(?:data)?sync\(\d+<([^>]+)>\) = 0/g)].map((match) => match[1] as string));
      },
    );
  });
}

describe('a checkpoint of the embedded database while it serves (OPEN-4)', () => {
  it('syncs the data files it wrote, then pg_control, before the WAL that covered them can be dropped', async () => {
    const home = mkdtempSync(join(tmpdir(), 'embedded-checkpoint-'));
    dir = home;
    const db = join(home, 'db');
    // Marks in the trace: a sync of a file of our own just before and just after the checkpoint.
    const mark = (name: string) =>
      `{ const fd = fs.openSync(${JSON.stringify(join(home, name))}, 'w'); fs.fsyncSync(fd); fs.closeSync(fd); }`;
    const syncs = await tracedSyncs(
      `import fs from 'node:fs';
       import { openDb } from './server/store/open.ts';
       const db = await openDb({ dataDir: ${JSON.stringify(db)} });
       await db.query("INSERT INTO practice (ods_code, name) VALUES ('L81001', 'Riverside Surgery')");
       ${mark('before')}
       await db.query('CHECKPOINT');
       ${mark('after')}
       process.exit(0);`,
      join(home, 'trace'),
    );
    const during = syncs.slice(syncs.indexOf(join(home, 'before')) + 1, syncs.indexOf(join(home, 'after')));
    const control = during.indexOf(join(db, 'global/pg_control'));
    const dataFiles = during.filter((path) => path.startsWith(join(db, 'base/')));
    expect(dataFiles.length, during.join('\n')).toBeGreaterThan(0);
    expect(control, during.join('\n')).toBeGreaterThan(during.indexOf(dataFiles.at(-1) as string));
  });
});
