import { Dexie } from 'dexie';
import type { fhir4 } from '../fhir';
import type { QueueSettings } from '../settings/settings';
import { jsonOrNothing, refusalReason, type ServiceIds, serviceIds } from './answers';
import type { OutboxDb } from './db';
import { DEFAULT_POLICY, type RetryPolicy, retryDelay } from './policy';
import type { OutboxRow } from './row';

/** Everything the drain touches from outside, injected so it runs the same in the worker, in Node tests and the soak. */
export type DrainDeps = {
  db: OutboxDb;
  /** Where to send and as whom; without it nothing is sent and rows wait. */
  queue: QueueSettings | undefined;
  fetch: typeof fetch;
  now: () => number;
  random: () => number;
  policy?: Partial<RetryPolicy>;
};

export type DrainReport = { delivered: number; retrying: number; needsAttention: number };

type Outcome =
  | { kind: 'delivered'; ids: ServiceIds | undefined }
  | { kind: 'retry'; error: string }
  | { kind: 'refused'; reason: string };

/**
 * Sends every referral that is due: queued rows whose next attempt time has come, and rows still marked sending whose
 * lease has expired (their drain was stopped mid-send). Each row is claimed in a transaction before its POST, so two
 * drains never send the same row at once; each row is tried at most once per drain. Rows are never deleted here.
 * `skipBackoff` (the network is back): queued rows are sent now, whatever their next attempt time.
 */
export async function drain(deps: DrainDeps, { skipBackoff = false } = {}): Promise<DrainReport> {
  const policy = { ...DEFAULT_POLICY, ...deps.policy };
  const report: DrainReport = { delivered: 0, retrying: 0, needsAttention: 0 };
  if (!deps.queue) return report;
  const queue = deps.queue;
  const tried = new Set<string>();
  // Outcomes that arrive while a write is going are written together next: one transaction for many rows.
  const record = groupCommit((outcomes: Sent[]) => recordAll(deps, policy, outcomes));
  for (;;) {
    const claimed = await claimDue(deps, policy, tried, skipBackoff);
    if (claimed.length === 0) return report;
    await inParallel(claimed, policy.concurrency, async ({ row, bundle }) => {
      tried.add(row.id);
      const outcome = bundle
        ? await post(row, JSON.stringify(bundle), queue, deps.fetch, policy.timeoutMs)
        : ({
            kind: 'refused',
            reason: 'The referral’s content is missing from this browser, so it cannot be sent.',
          } as const);
      const kind = await record({ sent: row, outcome });
      if (kind) report[kind]++;
    });
  }
}

type Sent = { sent: OutboxRow; outcome: Outcome };

async function claimDue(
  deps: DrainDeps,
  policy: RetryPolicy,
  tried: Set<string>,
  skipBackoff: boolean,
): Promise<Array<{ row: OutboxRow; bundle: fhir4.Bundle | undefined }>> {
  const { db } = deps;
  return db.transaction('rw', db.referrals, db.bundles, async () => {
    const now = deps.now();
    // When the network has just come back, waiting out a backoff earned while offline only delays the referrals.
    const dueBy = skipBackoff ? Dexie.maxKey : now;
    const untried = (row: OutboxRow) => !tried.has(row.id);
    const queued = await db.referrals
      .where('[status+nextAttemptAt]')
      .between(['queued', Dexie.minKey], ['queued', dueBy], true, true)
      .filter(untried)
      .limit(policy.batch)
      .toArray();
    const abandoned = await db.referrals
      .where('[status+leaseUntil]')
      .between(['sending', Dexie.minKey], ['sending', now], true, true)
      .filter(untried)
      .limit(policy.batch - queued.length)
      .toArray();
    const claimed = [...abandoned, ...queued].map(
      (row): OutboxRow => ({
        ...row,
        status: 'sending',
        attempts: row.attempts + 1,
        leaseUntil: now + policy.leaseMs,
        claim: `${now}-${deps.random().toString(36).slice(2)}`,
        updatedAt: now,
      }),
    );
    await db.referrals.bulkPut(claimed);
    const bundles = await db.bundles.bulkGet(claimed.map((row) => row.id));
    return claimed.map((row, index) => ({ row, bundle: bundles[index]?.bundle }));
  });
}

/** One POST of the row's Bundle, never inside a transaction. Every failure becomes an outcome, never a throw. */
async function post(
  row: OutboxRow,
  body: string,
  queue: QueueSettings,
  fetcher: typeof fetch,
  timeoutMs: number,
): Promise<Outcome> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetcher(queue.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/fhir+json',
        accept: 'application/fhir+json',
        authorization: `Bearer ${queue.token}`,
        'idempotency-key': row.id,
      },
      body,
      signal: controller.signal,
    });
    const answer = jsonOrNothing(await response.text());
    if (response.ok) return { kind: 'delivered', ids: serviceIds(answer) };
    if (isTransient(response.status)) {
      return { kind: 'retry', error: `The queue service answered ${response.status}; it will be tried again.` };
    }
    return { kind: 'refused', reason: refusalReason(response.status, answer) };
  } catch {
    return {
      kind: 'retry',
      error: controller.signal.aborted
        ? `The queue service did not answer within ${timeoutMs / 1000} s; it will be tried again.`
        : 'The queue service could not be reached; it will be tried again.',
    };
  } finally {
    clearTimeout(timer);
  }
}

/** Server trouble, or "too many / too early": worth another try. Any other 4xx is the service refusing the referral. */
function isTransient(status: number): boolean {
  return status >= 500 || status === 408 || status === 425 || status === 429;
}

/**
 * Writes the outcomes, except where the row moved on meanwhile: a delivery is recorded whenever the row is not yet
 * delivered (the service has it, whoever asked); a failure only while this drain still holds the claim.
 */
async function recordAll(
  deps: DrainDeps,
  policy: RetryPolicy,
  outcomes: Sent[],
): Promise<Array<keyof DrainReport | undefined>> {
  const { db } = deps;
  return db.transaction('rw', db.referrals, async () => {
    const rows = await db.referrals.bulkGet(outcomes.map(({ sent }) => sent.id));
    const now = deps.now();
    const changes = outcomes.map(({ sent, outcome }, index) =>
      next(rows[index], sent, outcome, now, deps.random, policy),
    );
    await db.referrals.bulkPut(changes.flatMap((change) => (change ? [change.row] : [])));
    return changes.map((change) => change?.kind);
  });
}

function next(
  row: OutboxRow | undefined,
  sent: OutboxRow,
  outcome: Outcome,
  now: number,
  random: () => number,
  policy: RetryPolicy,
): { row: OutboxRow; kind: keyof DrainReport } | undefined {
  if (!row) return undefined;
  const { leaseUntil: _lease, claim: _claim, lastError: _error, ...released } = row;
  if (outcome.kind === 'delivered') {
    if (row.status === 'delivered') return undefined;
    return {
      kind: 'delivered',
      row: {
        ...released,
        ...outcome.ids,
        status: 'delivered',
        deliveredAt: now,
        updatedAt: now,
        ...(outcome.ids?.taskId
          ? { pollAt: now + policy.pollBaseMs }
          : { lastError: 'Delivered, but the queue’s answer gave no Task to follow for the link worker’s decision.' }),
        trail: [...row.trail, { at: now, status: 'delivered' }],
      },
    };
  }
  if (row.status !== 'sending' || row.claim !== sent.claim) return undefined;
  if (outcome.kind === 'retry') {
    return {
      kind: 'retrying',
      row: {
        ...released,
        status: 'queued',
        nextAttemptAt: now + retryDelay(row.attempts, random, policy),
        lastError: outcome.error,
        updatedAt: now,
      },
    };
  }
  return {
    kind: 'needsAttention',
    row: {
      ...released,
      status: 'needs-attention',
      lastError: outcome.reason,
      updatedAt: now,
      trail: [...row.trail, { at: now, status: 'needs-attention' }],
    },
  };
}

/** Calls `write` with every item queued while the previous call ran: one call at a time, none waiting for long. */
function groupCommit<T, R>(write: (items: T[]) => Promise<R[]>): (item: T) => Promise<R> {
  let waiting: Array<{ item: T; resolve: (result: R) => void; reject: (error: unknown) => void }> = [];
  let busy = false;
  const flush = async () => {
    busy = true;
    while (waiting.length > 0) {
      const batch = waiting;
      waiting = [];
      try {
        const results = await write(batch.map(({ item }) => item));
        for (const [index, { resolve }] of batch.entries()) resolve(results[index] as R);
      } catch (error) {
        for (const { reject } of batch) reject(error);
      }
    }
    busy = false;
  };
  return (item) =>
    new Promise<R>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      if (!busy) void flush();
    });
}

async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
