/** How the drain behaves on the wire. Defaults for real use; tests and the soak may shorten the times. */
export type RetryPolicy = {
  /** A POST or GET not answered within this is abandoned (and retried later). */
  timeoutMs: number;
  /** Exponential backoff with full jitter: the n-th retry waits random × min(cap, base × 2^(n-1)). */
  baseMs: number;
  capMs: number;
  /**
   * How long a claimed row stays claimed. A POST is never left in flight past its row's lease (its timeout is cut
   * short), so another drain claiming an expired row never races a live send of it.
   */
  leaseMs: number;
  /** Rows claimed in one transaction; the next batch is claimed while the last is being sent. */
  batch: number;
  /** POSTs (and status polls) in flight at once: Chromium opens at most 6 connections to one host anyway. */
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
  batch: 16,
  concurrency: 8,
  pollBaseMs: 30_000,
  pollCapMs: 15 * 60_000,
};

/** Full jitter (AWS architecture blog, "Exponential Backoff And Jitter"): spreads retries of many browsers apart. */
export function retryDelay(attempts: number, random: () => number, policy: Pick<RetryPolicy, 'baseMs' | 'capMs'>) {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.floor(random() * ceiling);
}

/** The backoff, but never sooner than the service asked (`Retry-After`), which is itself held to the cap. */
export function nextAttemptDelay(
  attempts: number,
  random: () => number,
  policy: Pick<RetryPolicy, 'baseMs' | 'capMs'>,
  retryAfterMs?: number,
): number {
  const backoff = retryDelay(attempts, random, policy);
  return retryAfterMs === undefined ? backoff : Math.max(backoff, Math.min(policy.capMs, retryAfterMs));
}

const HTTP_DATE = [
  /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/, // IMF-fixdate
  /^[A-Z][a-z]{5,8}, \d{2}-[A-Z][a-z]{2}-\d{2} \d{2}:\d{2}:\d{2} GMT$/, // RFC 850
  /^[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} \d{4}$/, // asctime
];

/**
 * A `Retry-After` header (RFC 9110 §10.2.3: delay-seconds, or an HTTP-date in any of its three formats) as
 * milliseconds from `now`; undefined when absent or unreadable (then the backoff alone decides).
 */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  const text = header?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!HTTP_DATE.some((format) => format.test(text))) return undefined;
  // asctime carries no zone; HTTP-dates are always GMT.
  const at = Date.parse(text.endsWith('GMT') ? text : `${text} GMT`);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export function pollDelay(polls: number, policy: Pick<RetryPolicy, 'pollBaseMs' | 'pollCapMs'>): number {
  return Math.min(policy.pollCapMs, policy.pollBaseMs * 2 ** Math.max(0, polls - 1));
}
