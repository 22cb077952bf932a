import { Dexie } from 'dexie';
import type { fhir4 } from '../../../domain/fhir';
import { jsonOrNothing, refusalReason, type ServiceIds, serviceIds } from '../../../domain/outbox/answers';
import { DEFAULT_POLICY, nextAttemptDelay, type RetryPolicy, retryAfterMs } from '../../../domain/outbox/policy';
import type { OutboxRow } from '../../../domain/outbox/row';
import type { QueueSettings } from '../../../domain/settings/settings';
import { groupCommit } from './concurrency';
import type { OutboxDb } from './db';

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
  | { kind: 'retry'; error: string; retryAfterMs?: number }
  | { kind: 'refused'; reason: string }
  /** Not sent after all (too little of its lease left, or the service asked this drain to pause): queued again. */
  | { kind: 'released'; notBefore?: number };

type Claimed = { row: OutboxRow; bundle: fhir4.Bundle | undefined };
type Sent = { sent: OutboxRow; outcome: Outcome };

/** A POST is cut short this long before its row's lease ends, and not started with less than `MIN_SEND_MS` left. */
const LEASE_MARGIN_MS = 1_000;
const MIN_SEND_MS = 2_000;

/**
 * Sends every referral that is due: queued rows whose next attempt time has come, and rows still marked sending whose
 * lease has expired (their drain was stopped mid-send). Rows are claimed in batches, each in one transaction, before
 * their POSTs, so two drains never send the same row at once; each row is tried at most once per drain. Up to
 * `concurrency` POSTs are in flight; the next batch is claimed while the last is sent, and outcomes are written
 * together, so no POST waits for a write. Rows are never deleted here.
 * `skipBackoff` (the network is back): queued rows are sent now, whatever their backoff, but not before a time the
 * service asked for (`Retry-After`). Once the service has taken a referral in this drain, the drain goes on as if
 * `skipBackoff`: the queue is answering, so what waits out a backoff from its outage need not wait longer. A row
 * tried in this drain is not tried again in it. A `Retry-After` on 429 or 503 also stops this drain: rows it claimed and had not
 * sent are queued again, uncounted as attempts, and every queued row waits until then.
 */
export async function drain(deps: DrainDeps, { skipBackoff = false } = {}): Promise<DrainReport> {
  const policy = { ...DEFAULT_POLICY, ...deps.policy };
  const report: DrainReport = { delivered: 0, retrying: 0, needsAttention: 0 };
  if (!deps.queue) return report;
  const post = poster(deps.queue, deps.fetch, deps.now);
  const tried = new Set<string>();
  // Outcomes that arrive while a write is going are written together next: one transaction for many rows.
  const record = groupCommit((outcomes: Sent[]) => recordAll(deps, policy, outcomes));
  const ready: Claimed[] = [];
  const writes: Promise<void>[] = [];
  let claiming: Promise<void> | undefined;
  let exhausted = false;
  let pausedUntil: number | undefined;
  let failure: { error: unknown } | undefined;
  let sendNow = skipBackoff;

  const claimMore = () => {
    const claimedNow = sendNow;
    claiming ??= claimDue(deps, policy, tried, claimedNow)
      .then(
        (claimed) => {
          for (const { row } of claimed) tried.add(row.id);
          ready.push(...claimed);
          // Nothing left by the rule it was claimed under; under `sendNow` there may be more.
          if (claimed.length === 0 && claimedNow === sendNow) exhausted = true;
        },
        (error) => {
          failure ??= { error };
        },
      )
      .finally(() => {
        claiming = undefined;
      });
    return claiming;
  };

  const attempt = async ({ row, bundle }: Claimed): Promise<Outcome> => {
    if (pausedUntil !== undefined) return { kind: 'released', notBefore: pausedUntil };
    if (!bundle)
      return { kind: 'refused', reason: 'The referral’s content is missing from this browser, so it cannot be sent.' };
    const leaseLeft = (row.leaseUntil ?? 0) - LEASE_MARGIN_MS - deps.now();
    if (leaseLeft < MIN_SEND_MS) return { kind: 'released' };
    const outcome = await post(row, bundle, Math.min(policy.timeoutMs, leaseLeft));
    if (outcome.kind === 'delivered' && !sendNow) {
      sendNow = true;
      exhausted = false;
    }
    if (outcome.kind === 'retry' && outcome.retryAfterMs !== undefined) {
      pausedUntil = Math.max(pausedUntil ?? 0, deps.now() + Math.min(policy.capMs, outcome.retryAfterMs));
    }
    return outcome;
  };

  const lane = async () => {
    while (!failure) {
      if (ready.length < policy.concurrency && !exhausted && pausedUntil === undefined) void claimMore();
      const next = ready.shift();
      if (!next) {
        if (exhausted || pausedUntil !== undefined) return;
        await claimMore();
        continue;
      }
      const outcome = await attempt(next);
      writes.push(
        record({ sent: next.row, outcome }).then(
          (kind) => {
            if (kind) report[kind]++;
          },
          (error) => {
            failure ??= { error };
          },
        ),
      );
    }
  };

  await Promise.all(Array.from({ length: policy.concurrency }, lane));
  await claiming;
  // A claim that was still running when the lanes stopped: its rows go back to the queue unsent.
  writes.push(...ready.splice(0).map(({ row }) => releaseUnsent(record, row)));
  await Promise.all(writes);
  if (failure) throw failure.error;
  if (pausedUntil !== undefined) await deferDue(deps.db, pausedUntil);
  return report;
}

/** Queued again, unsent and uncounted; a failed write leaves the row to be claimed again when its lease ends. */
function releaseUnsent(record: (sent: Sent) => Promise<unknown>, row: OutboxRow): Promise<void> {
  return record({ sent: row, outcome: { kind: 'released' } }).then(
    () => {},
    () => {},
  );
}

/** The service asked for a pause: every queued row due before it waits until then, so no run sends to it sooner. */
async function deferDue(db: OutboxDb, until: number): Promise<void> {
  await db.referrals
    .where('[status+nextAttemptAt]')
    .between(['queued', Dexie.minKey], ['queued', until], true, false)
    .modify((row) => {
      row.nextAttemptAt = until;
      row.notBefore = until;
    });
}

async function claimDue(
  deps: DrainDeps,
  policy: RetryPolicy,
  tried: Set<string>,
  skipBackoff: boolean,
): Promise<Claimed[]> {
  const { db } = deps;
  return db.transaction('rw', db.referrals, db.bundles, async () => {
    const now = deps.now();
    // When the network has just come back, waiting out a backoff earned while offline only delays the referrals.
    const dueBy = skipBackoff ? Dexie.maxKey : now;
    const claimable = (row: OutboxRow) => !tried.has(row.id) && (row.notBefore === undefined || row.notBefore <= now);
    const queued = await db.referrals
      .where('[status+nextAttemptAt]')
      .between(['queued', Dexie.minKey], ['queued', dueBy], true, true)
      .filter(claimable)
      .limit(policy.batch)
      .toArray();
    const abandoned = await db.referrals
      .where('[status+leaseUntil]')
      .between(['sending', Dexie.minKey], ['sending', now], true, true)
      .filter(claimable)
      .limit(policy.batch - queued.length)
      .toArray();
    const claimed = [...abandoned, ...queued].map(
      ({ notBefore: _notBefore, ...row }): OutboxRow => ({
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

/**
 * POSTs a row's Bundle, never inside a transaction; what stays the same for every row (the headers) is made once.
 * Every failure becomes an outcome, never a throw.
 */
function poster(queue: QueueSettings, fetcher: typeof fetch, now: () => number) {
  const headers = {
    'content-type': 'application/fhir+json',
    accept: 'application/fhir+json',
    authorization: `Bearer ${queue.token}`,
  };
  return async (row: OutboxRow, bundle: fhir4.Bundle, timeoutMs: number): Promise<Outcome> => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await fetcher(queue.endpoint, {
        method: 'POST',
        headers: { ...headers, 'idempotency-key': row.id },
        body: JSON.stringify(bundle),
        signal: controller.signal,
      });
      const answer = jsonOrNothing(await response.text());
      if (response.ok) return { kind: 'delivered', ids: serviceIds(answer) };
      if (isTransient(response.status)) return retryLater(response, now());
      return { kind: 'refused', reason: refusalReason(response.status, answer) };
    } catch {
      return {
        kind: 'retry',
        error: controller.signal.aborted
          ? `The queue service did not answer within ${Math.round(timeoutMs / 1000)} s; it will be tried again.`
          : 'The queue service could not be reached; it will be tried again.',
      };
    } finally {
      clearTimeout(timer);
    }
  };
}

/** Server trouble, or "too many / too early": worth another try. Any other 4xx is the service refusing the referral. */
function isTransient(status: number): boolean {
  return status >= 500 || status === 408 || status === 425 || status === 429;
}

/** 429 (too many) and 503 (unavailable) may say when to come back (`Retry-After`); the retry waits at least that. */
function retryLater(response: Response, now: number): Outcome {
  const error = `The queue service answered ${response.status}; it will be tried again.`;
  if (response.status !== 429 && response.status !== 503) return { kind: 'retry', error };
  const wait = retryAfterMs(response.headers.get('retry-after'), now);
  return wait === undefined ? { kind: 'retry', error } : { kind: 'retry', error, retryAfterMs: wait };
}

/**
 * Writes the outcomes, except where the row moved on meanwhile: a delivery is recorded whenever the row is not yet
 * delivered (the service has it, whoever asked); anything else only while this drain still holds the claim.
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
  const { leaseUntil: _lease, claim: _claim, lastError: _error, notBefore: _notBefore, ...released } = row;
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
  if (outcome.kind === 'released') {
    // Never sent: the attempt the claim counted did not happen, and the row says what it said before.
    const notBefore = outcome.notBefore;
    return {
      kind: 'retrying',
      row: {
        ...released,
        status: 'queued',
        attempts: Math.max(0, row.attempts - 1),
        nextAttemptAt: notBefore ?? now,
        ...(notBefore !== undefined && { notBefore }),
        ...(row.lastError !== undefined && { lastError: row.lastError }),
        updatedAt: now,
      },
    };
  }
  if (outcome.kind === 'retry') {
    const wait = nextAttemptDelay(row.attempts, random, policy, outcome.retryAfterMs);
    return {
      kind: 'retrying',
      row: {
        ...released,
        status: 'queued',
        nextAttemptAt: now + wait,
        ...(outcome.retryAfterMs !== undefined && { notBefore: now + Math.min(policy.capMs, outcome.retryAfterMs) }),
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
