import { describe, expect, it } from 'vitest';
import { type Locks, serialised } from '../../app/background/outbox/serial';

/** Web Locks' `ifAvailable` as the browser does it (Node 20 has no navigator.locks). */
function webLocks(): Locks {
  const held = new Set<string>();
  return {
    async request(name, _options, callback) {
      if (held.has(name)) return callback(null);
      held.add(name);
      try {
        return await callback({ name });
      } finally {
        held.delete(name);
      }
    },
  };
}

describe('one outbox run at a time', () => {
  it('never runs twice at once, and a request during a run is served by one more run, not lost', async () => {
    let running = 0;
    let most = 0;
    const runs: boolean[] = [];
    let release: () => void = () => {};
    const run = serialised<{ refresh: boolean }>(
      'outbox-drain',
      webLocks(),
      async ({ refresh }) => {
        running++;
        most = Math.max(most, running);
        runs.push(refresh);
        if (runs.length === 1) await new Promise<void>((resolve) => (release = resolve));
        running--;
      },
      (a, b) => ({ refresh: a.refresh || b.refresh }),
    );

    const first = run({ refresh: false });
    const during = [run({ refresh: false }), run({ refresh: true }), run({ refresh: false })];
    await Promise.all(during);
    release();
    await first;

    expect(most).toBe(1);
    expect(runs).toEqual([false, true]);
  });
});
