import { createMiddleware } from 'hono/factory';
import { addressBuckets, clientAddress } from '../auth/address-limit';
import { bearerToken } from '../auth/practice-token';
import { secretHash } from '../auth/secrets';
import type { Service } from '../context';
import { outcome } from './operation-outcome';

/** How many requests one practice token may make: `burst` at once, then `perMinute` as the bucket refills. */
export type RateLimit = { perMinute: number; burst: number };

type Bucket = { tokens: number; at: number };

/** Past this many tokens remembered, buckets that have refilled (idle tokens) are forgotten. */
const REMEMBERED = 10_000;

/**
 * A token bucket per bearer token, so that one practice (or a stuck outbox) flooding the service cannot starve the
 * others. Kept in this process only: behind a load balancer each process counts on its own, so the limit there is
 * approximate (up to one limit per process). Keyed by the token's hash, never the token itself. Requests without a
 * token are not counted here: they are refused at once.
 */
export function rateLimit(service: Service) {
  const buckets = new Map<string, Bucket>();
  const { perMinute, burst } = service.rateLimit;
  const perMs = perMinute / 60_000;
  const refilled = (bucket: Bucket, now: number) => Math.min(burst, bucket.tokens + (now - bucket.at) * perMs);

  return createMiddleware(async (c, next) => {
    const token = bearerToken(c.req.header('Authorization'));
    if (!token || perMinute <= 0) return next();
    const now = service.now().getTime();
    if (buckets.size > REMEMBERED)
      for (const [key, bucket] of buckets) if (refilled(bucket, now) >= burst) buckets.delete(key);
    const key = secretHash(token);
    const bucket = buckets.get(key) ?? { tokens: burst, at: now };
    bucket.tokens = refilled(bucket, now);
    bucket.at = now;
    buckets.set(key, bucket);
    if (bucket.tokens < 1) {
      const seconds = Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
      return outcome(
        c,
        429,
        [
          {
            code: 'throttled',
            message: `Too many requests with this practice token (${perMinute} a minute). Try again in ${seconds} s.`,
          },
        ],
        { 'Retry-After': String(seconds) },
      );
    }
    bucket.tokens -= 1;
    return next();
  });
}

/**
 * Per client address, requests whose token was refused (401): past the limit that address waits (429 with
 * Retry-After) before any token of its is checked, so a flood of made-up tokens costs the database nothing. A token
 * that works is never charged, so a practice is limited only by what goes wrong from its address.
 */
export function refusedTokenLimit(service: Service) {
  const refused = addressBuckets(service.addressLimits.refusedTokens, service.now);
  return createMiddleware(async (c, next) => {
    const address = clientAddress(c);
    const seconds = refused.waiting(address);
    if (seconds > 0)
      return outcome(
        c,
        429,
        [
          {
            code: 'throttled',
            message: `Too many requests with a token this service does not accept. Try again in ${seconds} s.`,
          },
        ],
        { 'Retry-After': String(seconds) },
      );
    await next();
    if (c.res.status === 401) refused.charge(address);
  });
}
