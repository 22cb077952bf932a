import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * One process owns an embedded data directory: PGlite does not lock it, and a second process writing the same files
 * loses its own writes and can leave a directory Postgres cannot start from. The owner is named in `queue.lock`
 * (readable by this user only): its pid and start time, and once it serves, where and with which secret the running
 * service takes commands (server/admin/).
 */
const ownerSchema = z.object({
  pid: z.number().int(),
  started: z.string().optional(),
  role: z.enum(['serve', 'command']),
  via: z.url().optional(),
  adminSecret: z.string().optional(),
});
export type Owner = z.output<typeof ownerSchema>;

const LOCK = 'queue.lock';

export class DataDirInUse extends Error {
  constructor(readonly owner: Owner) {
    super(
      owner.role === 'command'
        ? `Another queue command (pid ${owner.pid}) is using this data directory; wait for it to finish.`
        : owner.via
          ? `The queue is running on this data directory (pid ${owner.pid}); use the same command with \`--via ${owner.via}\` or stop it first.`
          : `The queue is starting on this data directory (pid ${owner.pid}); once it listens, use the same command with \`--via\` its address, or stop it first.`,
    );
    this.name = 'DataDirInUse';
  }
}

/** When a process started (Linux: clock ticks after boot), so that a pid used again by another process is not taken for the owner. */
function startTime(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[19];
  } catch {
    return undefined;
  }
}

function isRunning(owner: Owner): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const started = startTime(owner.pid);
  return !owner.started || !started || started === owner.started;
}

function readOwner(path: string): Owner | undefined {
  try {
    return ownerSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`${path} is not a lock this service wrote; remove it if no queue is using the directory.`);
  }
}

/** The owner named in the directory's lock, if it is still running. */
export function ownerOf(dir: string): Owner | undefined {
  const owner = readOwner(join(dir, LOCK));
  return owner && isRunning(owner) ? owner : undefined;
}

/** Written whole under a private name first, so that the lock never exists half written. */
function writePrivate(dir: string, owner: Owner): string {
  const path = join(dir, `${LOCK}.${process.pid}`);
  writeFileSync(path, JSON.stringify(owner), { mode: 0o600 });
  return path;
}

/**
 * Takes the directory for this process, or throws DataDirInUse naming the process that has it. A lock left by a
 * process no longer running is set aside (renamed, so that of two processes finding it only one does).
 */
export function takeDataDir(dir: string, role: Owner['role']): () => void {
  const lock = join(dir, LOCK);
  const me = self(role);
  for (let attempt = 0; ; attempt++) {
    const draft = writePrivate(dir, me);
    try {
      linkSync(draft, lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt === 3) throw error;
    } finally {
      rmSync(draft, { force: true });
    }
    const owner = readOwner(lock);
    if (owner && isRunning(owner)) throw new DataDirInUse(owner);
    const stale = `${lock}.stale.${process.pid}`;
    try {
      renameSync(lock, stale);
    } catch {
      continue;
    }
    // Another process may have set the same stale lock aside and taken the directory in between: give its lock back.
    const moved = readOwner(stale);
    if (moved && owner && moved.pid !== owner.pid && isRunning(moved)) {
      renameSync(stale, lock);
      throw new DataDirInUse(moved);
    }
    rmSync(stale, { force: true });
  }
  return () => {
    if (readOwner(lock)?.pid === me.pid) rmSync(lock, { force: true });
  };
}

/** Names, in the lock this process holds, where the running service takes commands and the secret they carry. */
export function announceService(dir: string, via: string, adminSecret: string): void {
  if (readOwner(join(dir, LOCK))?.pid !== process.pid) throw new Error(`This process does not own ${dir}.`);
  renameSync(writePrivate(dir, { ...self('serve'), via, adminSecret }), join(dir, LOCK));
}

function self(role: Owner['role']): Owner {
  const started = startTime(process.pid);
  return { pid: process.pid, role, ...(started ? { started } : {}) };
}
