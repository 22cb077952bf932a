/** How the drain behaves on the wire. Defaults for real use; tests and the soak may shorten the times. */
export type RetryPolicy = {
  /** A POST or GET not answered within this is abandoned (and retried later). */
  timeoutMs: number;
  /** Exponential backoff with full jitter: the n-th retry waits random × min(cap, base × 2^(n-1)). */
  baseMs: number;
  capMs: number;
  /** How long a claimed row stays claimed: longer than a request may take, so a live drain keeps its rows. */
  leaseMs: number;
  /** Rows claimed at once, and POSTs in flight at once. */
  batch: number;
  concurrency: number;
  /** Link worker status polling: first after this, doubling up to the cap, until the status is final. */
  pollBaseMs: number;
  pollCapMs: number;
};

export const DEFAULT_POLICY: RetryPolicy = {
  timeoutMs: 10_000,
  baseMs: 2_000,
  capMs: 15 * 60_000,
  leaseMs: 15_000,
  batch: 48,
  concurrency: 12,
  pollBaseMs: 30_000,
  pollCapMs: 15 * 60_000,
};

/** Full jitter (AWS architecture blog, "Exponential Backoff And Jitter"): spreads retries of many browsers apart. */
export function retryDelay(attempts: number, random: () => number, policy: Pick<RetryPolicy, 'baseMs' | 'capMs'>) {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.floor(random() * ceiling);
}

export function pollDelay(polls: number, policy: Pick<RetryPolicy, 'pollBaseMs' | 'pollCapMs'>): number {
  return Math.min(policy.pollCapMs, policy.pollBaseMs * 2 ** Math.max(0, polls - 1));
}
