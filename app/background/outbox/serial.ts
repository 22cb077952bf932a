/** The part of the Web Locks API the outbox uses (navigator.locks; absent in Node, where tests pass their own). */
export type Locks = {
  request<T>(name: string, options: { ifAvailable: true }, callback: (lock: unknown) => Promise<T>): Promise<T>;
};

/**
 * Makes `work` run one at a time: across every context of the extension through a Web Lock, and in this context
 * by remembering a request that came while a run was going, so it is served by one more run afterwards rather than
 * lost. Options of coalesced requests are merged with `merge`.
 */
export function serialised<T>(
  name: string,
  locks: Locks,
  work: (options: T) => Promise<void>,
  merge: (a: T, b: T) => T,
): (options: T) => Promise<void> {
  let pending: T | undefined;
  const attempt = async (): Promise<void> => {
    let held = false;
    await locks.request(name, { ifAvailable: true }, async (lock) => {
      if (!lock) return; // another run holds the lock and will pick up `pending`
      held = true;
      while (pending !== undefined) {
        const next = pending;
        pending = undefined;
        await work(next);
      }
    });
    // A request that came between the last check and the lock's release would otherwise wait for the next trigger.
    if (held && pending !== undefined) await attempt();
  };
  return (options: T) => {
    pending = pending === undefined ? options : merge(pending, options);
    return attempt();
  };
}
