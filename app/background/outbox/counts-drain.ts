import { Dexie } from 'dexie';
import { jsonOrNothing, refusalReason } from '../../../domain/outbox/answers';
import type { CountBatch } from '../../../domain/outbox/count-batch';
import { DEFAULT_POLICY, nextAttemptDelay, type RetryPolicy, retryAfterMs } from '../../../domain/outbox/policy';
import type { DrainDeps } from './drain';

type Outcome =
  | { kind: 'delivered' }
  | { kind: 'retry'; error: string; retryAfterMs?: number }
  | { kind: 'refused'; reason: string };

/**
 * Sends each due batch of counts to `<endpoint>/MeasureReport` under its key, one at a time (a practice has a batch or
 * two a day). A batch is claimed in a transaction before its POST, as the referrals' rows are, so two drains never
 * send it at once; a worker stopped mid-POST leaves it claimed until its lease ends, and it is sent again under the
 * same key, which the queue counts once (HEC6). Gives how many the queue took.
 */
export async function drainCounts(deps: DrainDeps): Promise<number> {
  const policy = { ...DEFAULT_POLICY, ...deps.policy };
  if (!deps.queue) return 0;
  let delivered = 0;
  const tried = new Set<string>();
  for (;;) {
    const batch = await claimNext(deps, policy, tried);
    if (!batch) return delivered;
    tried.add(batch.key);
    // Never in flight past the lease, so a drain that claims the batch after it never races this POST.
    const outcome = await post(deps, batch, Math.min(policy.timeoutMs, policy.leaseMs - 1_000));
    if (outcome.kind === 'delivered') delivered++;
    await record(deps, policy, batch, outcome);
    if (outcome.kind === 'retry' && outcome.retryAfterMs !== undefined) return delivered;
  }
}

async function claimNext(deps: DrainDeps, policy: RetryPolicy, tried: Set<string>): Promise<CountBatch | undefined> {
  const { db } = deps;
  return db.transaction('rw', db.countBatches, async () => {
    const now = deps.now();
    const claimable = (batch: CountBatch) =>
      !tried.has(batch.key) && (batch.notBefore === undefined || batch.notBefore <= now);
    const due =
      (await db.countBatches
        .where('[status+nextAttemptAt]')
        .between(['queued', Dexie.minKey], ['queued', now], true, true)
        .filter(claimable)
        .first()) ??
      (await db.countBatches
        .where('[status+leaseUntil]')
        .between(['sending', Dexie.minKey], ['sending', now], true, true)
        .filter(claimable)
        .first());
    if (!due) return undefined;
    const claimed: CountBatch = {
      ...due,
      status: 'sending',
      attempts: due.attempts + 1,
      leaseUntil: now + policy.leaseMs,
      claim: `${now}-${deps.random().toString(36).slice(2)}`,
    };
    await db.countBatches.put(claimed);
    return claimed;
  });
}

async function post(deps: DrainDeps, batch: CountBatch, timeoutMs: number): Promise<Outcome> {
  const queue = deps.queue as NonNullable<DrainDeps['queue']>;
  const base = queue.endpoint.endsWith('/') ? queue.endpoint : `${queue.endpoint}/`;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await deps.fetch(new URL('MeasureReport', base), {
      method: 'POST',
      headers: {
        'content-type': 'application/fhir+json',
        accept: 'application/fhir+json',
        authorization: `Bearer ${queue.token}`,
        'idempotency-key': batch.key,
      },
      body: JSON.stringify(batch.report),
      signal: controller.signal,
    });
    const answer = jsonOrNothing(await response.text());
    if (response.ok) return { kind: 'delivered' };
    const { status } = response;
    if (status >= 500 || status === 408 || status === 425 || status === 429) {
      const error = `The queue service answered ${status}; the counts will be sent again.`;
      const wait =
        status === 429 || status === 503 ? retryAfterMs(response.headers.get('retry-after'), deps.now()) : undefined;
      return wait === undefined ? { kind: 'retry', error } : { kind: 'retry', error, retryAfterMs: wait };
    }
    return { kind: 'refused', reason: refusalReason(status, answer) };
  } catch {
    return { kind: 'retry', error: 'The queue service could not be reached; the counts will be sent again.' };
  } finally {
    clearTimeout(timer);
  }
}

/** Writes the outcome while this drain still holds the claim (a delivery whenever the batch is not yet delivered). */
async function record(deps: DrainDeps, policy: RetryPolicy, sent: CountBatch, outcome: Outcome): Promise<void> {
  const { db } = deps;
  await db.transaction('rw', db.countBatches, async () => {
    const batch = await db.countBatches.get(sent.key);
    if (!batch || batch.status === 'delivered') return;
    const now = deps.now();
    const { leaseUntil: _lease, claim: _claim, lastError: _error, notBefore: _notBefore, ...released } = batch;
    if (outcome.kind === 'delivered') {
      await db.countBatches.put({ ...released, status: 'delivered', deliveredAt: now });
      return;
    }
    if (batch.status !== 'sending' || batch.claim !== sent.claim) return;
    if (outcome.kind === 'refused') {
      await db.countBatches.put({ ...released, status: 'needs-attention', lastError: outcome.reason });
      return;
    }
    const wait = nextAttemptDelay(batch.attempts, deps.random, policy, outcome.retryAfterMs);
    await db.countBatches.put({
      ...released,
      status: 'queued',
      nextAttemptAt: now + wait,
      lastError: outcome.error,
      ...(outcome.retryAfterMs !== undefined && { notBefore: now + Math.min(policy.capMs, outcome.retryAfterMs) }),
    });
  });
}
