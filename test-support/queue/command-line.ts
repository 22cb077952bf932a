import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

export type CommandResult = { code: number; stdout: string; stderr: string };

const MAIN = ['--import', 'tsx', 'server/main.ts'];

/** Runs one queue command (`server/main.ts`) in its own process, as an operator would; never rejects. */
export function command(args: string[], env: Record<string, string>, input = ''): Promise<CommandResult> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [...MAIN, ...args],
      { env: { ...process.env, ...env } },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(input);
  });
}

/** The output of a command that must succeed. */
export async function cli(args: string[], env: Record<string, string>, input?: string): Promise<string> {
  const result = await command(args, env, input);
  if (result.code !== 0) throw new Error(`${args[0]} exited ${result.code}\n${result.stderr}`);
  return result.stdout;
}

export type ServeProcess = { url: string; child: ChildProcess; exited: Promise<number | null> };

/** `serve` on a free port in its own process, once it says where it listens; rejects with its error output if it stops first. */
export function serve(env: Record<string, string>, args: string[] = []): Promise<ServeProcess> {
  const child = spawn(process.execPath, [...MAIN, 'serve', '--port', '0', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
      const url = /listening on (http:\/\/\S+)/.exec(stdout)?.[1];
      if (url) resolve({ url, child, exited });
    });
    void exited.then((code) => reject(new Error(`serve exited ${code} before listening\n${stderr}`)));
  });
}

/** SIGKILL, as a power cut or the OOM killer would stop it; resolves once the process is gone. */
export async function kill(running: ServeProcess): Promise<void> {
  running.child.kill('SIGKILL');
  await running.exited;
}

/**
 * A fresh data directory for the tests of the describe block it is called in, removed after them; a `serve` left in
 * `serving` (a test that failed before stopping it) is killed first, so no process outlives the tests.
 */
export function scratchDataDir(prefix: string): { dir: string; serving: ServeProcess | undefined } {
  const scratch: { dir: string; serving: ServeProcess | undefined } = {
    dir: mkdtempSync(join(tmpdir(), prefix)),
    serving: undefined,
  };
  afterAll(async () => {
    if (scratch.serving) await kill(scratch.serving);
    rmSync(scratch.dir, { recursive: true, force: true });
  });
  return scratch;
}
