import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/** `burst` at once from one address, then `perMinute` as the bucket refills; perMinute 0 turns the limit off. */
export type AddressLimit = { perMinute: number; burst: number };

type Bucket = { tokens: number; at: number };

/** Past this many addresses remembered, those whose buckets have refilled are forgotten. */
const REMEMBERED = 10_000;

/** The address the request came from: the socket's peer (behind a load balancer, the balancer's; README). */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * A token bucket per client address, kept in this process (like the per-token limit, approximate behind a balancer).
 * `take` spends one if there is one; `charge` spends one whatever is left, for what is counted only after it happened.
 * Both give the seconds to wait when the bucket is empty, else 0.
 */
export function addressBuckets(limit: AddressLimit, now: () => Date) {
  const buckets = new Map<string, Bucket>();
  const perMs = limit.perMinute / 60_000;
  // A clock set back (a test's, or the machine's) refills nothing rather than draining the bucket.
  const refilled = (bucket: Bucket, at: number) =>
    Math.min(limit.burst, bucket.tokens + Math.max(0, at - bucket.at) * perMs);

  function current(address: string): Bucket {
    const at = now().getTime();
    if (buckets.size > REMEMBERED)
      for (const [key, bucket] of buckets) if (refilled(bucket, at) >= limit.burst) buckets.delete(key);
    const bucket = buckets.get(address) ?? { tokens: limit.burst, at };
    bucket.tokens = refilled(bucket, at);
    bucket.at = at;
    buckets.set(address, bucket);
    return bucket;
  }
  const wait = (bucket: Bucket) => Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));

  return {
    /** Seconds to wait before this address may try again (0: it may now, and has spent one). */
    take(address: string): number {
      if (limit.perMinute <= 0) return 0;
      const bucket = current(address);
      if (bucket.tokens < 1) return wait(bucket);
      bucket.tokens -= 1;
      return 0;
    },
    /** Seconds this address must wait, without spending anything. */
    waiting(address: string): number {
      if (limit.perMinute <= 0) return 0;
      const bucket = current(address);
      return bucket.tokens < 1 ? wait(bucket) : 0;
    },
    charge(address: string): void {
      if (limit.perMinute <= 0) return;
      const bucket = current(address);
      bucket.tokens = Math.max(bucket.tokens - 1, 0);
    },
  };
}
