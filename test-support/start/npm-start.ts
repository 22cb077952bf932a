import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

export type NpmStart = {
  /** The folder it runs in: its `.data/` (the queue's database, the browser's profile) is there, not in the repository. */
  dir: string;
  /** Everything it has printed so far (stdout and stderr). */
  output: () => string;
  /** Waits until its output matches every pattern, and gives each first group; rejects if it exits first. */
  waitFor: (...patterns: RegExp[]) => Promise<string[]>;
  /** Ctrl+C, as a terminal sends it; resolves with its exit code. */
  interrupt: () => Promise<number | null>;
  /** Kills it if still running (after a failed test) and removes its folder. */
  cleanUp: () => Promise<void>;
};

/**
 * `npm start` as a newcomer runs it (`node scripts/start.mjs`, what the npm script runs), in a fresh folder of its own
 * so that the developer's `.data/` is left alone. It builds the demo extension itself, and uses the demo's ports.
 */
export function runNpmStart(args: string[] = [], env: NodeJS.ProcessEnv = {}): NpmStart {
  const dir = mkdtempSync(join(tmpdir(), 'sp-pad-first-run-'));
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'scripts/start.mjs'), ...args], {
    cwd: dir,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    printed += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  let running = true;
  void exited.then(() => {
    running = false;
    for (const listener of listeners) listener();
  });

  const waitFor = (...patterns: RegExp[]) =>
    new Promise<string[]>((done, fail) => {
      const check = () => {
        const found = patterns.map((pattern) => pattern.exec(printed));
        if (found.every(Boolean)) {
          listeners.delete(check);
          done(found.map((match) => match?.[1] ?? ''));
        } else if (!running) {
          listeners.delete(check);
          fail(new Error(`npm start exited before printing ${patterns.join(', ')}:\n${printed}`));
        }
      };
      listeners.add(check);
      check();
    });

  return {
    dir,
    output: () => printed,
    waitFor,
    interrupt: async () => {
      child.kill('SIGINT');
      return exited;
    },
    cleanUp: async () => {
      if (running) {
        child.kill('SIGKILL');
        await exited;
      }
      // After a failed test: what it started (the browser) may outlive it. Only processes from this test's own folder.
      for (const left of processesFrom(dir)) {
        try {
          process.kill(left.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      await waitUntil(() => processesFrom(dir).length === 0);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The processes left from a folder: those working in it (npm start runs there, and what it starts inherits that) or
 * naming it on their command line (the browser's profile is in it).
 */
export function processesFrom(dir: string): { pid: number; command: string }[] {
  return readdirSync('/proc').flatMap((entry) => {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) return [];
    try {
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ');
      const cwd = readlinkSync(`/proc/${entry}/cwd`);
      return command.includes(dir) || cwd === dir || cwd.startsWith(`${dir}/`) ? [{ pid: Number(entry), command }] : [];
    } catch {
      return [];
    }
  });
}

async function waitUntil(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 100));
}
