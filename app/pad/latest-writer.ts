/**
 * Saves as the referrer types without a timer: at most one write in flight; values arriving meanwhile replace each
 * other, and the newest is written as soon as the current write finishes. `settled()` resolves when all is written.
 */
export function latestWriter<T>(
  write: (value: T) => Promise<void>,
  onError: (error: unknown) => void,
  /** Told when writing starts (true) and when everything asked for is written (false). */
  onBusy: (busy: boolean) => void = () => {},
) {
  let pending: { value: T } | undefined;
  let running: Promise<void> | undefined;

  async function drain(): Promise<void> {
    while (pending) {
      const { value } = pending;
      pending = undefined;
      try {
        await write(value);
      } catch (error) {
        onError(error);
      }
    }
    running = undefined;
    onBusy(false);
  }

  return {
    write(value: T): void {
      pending = { value };
      if (!running) {
        onBusy(true);
        running = drain();
      }
    },
    settled(): Promise<void> {
      return running ?? Promise.resolve();
    },
  };
}
