import { randomUUID } from 'node:crypto';
import { type OutboxDb, openOutbox } from '../../app/background/outbox/db';
import { type DrainDeps, drain } from '../../app/background/outbox/drain';
import type { RetryPolicy } from '../../domain/outbox/policy';
import type { Referral } from '../../domain/referral';
import { richReferral } from '../../test-support/fixtures/referrals';

/** A referral as the pad would send it, with a fresh id (the idempotency key). */
export function aReferral(changes: Partial<Referral> = {}): Referral {
  return { ...richReferral, id: randomUUID(), ...changes };
}

/** A fresh outbox database of its own (fake-indexeddb in the unit project). */
export function freshOutbox(): OutboxDb {
  return openOutbox(`outbox-test-${randomUUID()}`);
}

/** A clock the test moves on: the drain's "now". */
export function clock(start = Date.now()) {
  let time = start;
  return {
    now: () => time,
    advance: (ms: number) => {
      time += ms;
    },
    set: (at: number) => {
      time = at;
    },
  };
}

/** Short times so a timeout or a backoff costs milliseconds, not minutes. */
export const quickPolicy: Partial<RetryPolicy> = { timeoutMs: 3_000, baseMs: 1_000, capMs: 60_000, leaseMs: 5_000 };

export function drainer(db: OutboxDb, endpoint: string, token: string, now: () => number) {
  const deps: DrainDeps = {
    db,
    queue: { endpoint, token },
    fetch: globalThis.fetch,
    now,
    random: Math.random,
    policy: quickPolicy,
  };
  return { deps, drain: () => drain(deps) };
}
