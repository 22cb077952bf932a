import { isFinal, linkWorkerStatus } from '../../../domain/fhir';
import { type MessageBack, readMessageBack } from '../../../domain/fhir/read-message-back';
import { jsonOrNothing } from '../../../domain/outbox/answers';
import { DEFAULT_POLICY, pollDelay, type RetryPolicy } from '../../../domain/outbox/policy';
import type { OutboxRow } from '../../../domain/outbox/row';
import type { QueueSettings } from '../../../domain/settings/settings';
import { groupCommit, inParallel } from './concurrency';
import type { OutboxDb } from './db';

export type StatusDeps = {
  db: OutboxDb;
  queue: QueueSettings | undefined;
  fetch: typeof fetch;
  now: () => number;
  policy?: Partial<RetryPolicy>;
};

/**
 * Asks the queue for the Task of each delivered referral whose poll is due (all not yet final, when `everything`),
 * and stores the link worker's status. Polling stops once the status is final; until then it slows down, up to the cap.
 * Returns how many statuses changed.
 */
export async function pollStatuses(deps: StatusDeps, { everything = false } = {}): Promise<number> {
  const policy = { ...DEFAULT_POLICY, ...deps.policy };
  if (!deps.queue) return 0;
  const queue = deps.queue;
  const due = await deps.db.referrals
    .where('pollAt')
    .belowOrEqual(everything ? Number.MAX_SAFE_INTEGER : deps.now())
    .filter((row) => row.status === 'delivered' && row.taskId !== undefined)
    .toArray();
  // Up to `concurrency` GETs at once; answers that arrive while a write is going are written together next.
  const record = groupCommit((answers: Answer[]) => recordStatuses(deps, policy, answers));
  let changed = 0;
  await inParallel(due, policy.concurrency, async (row) => {
    const task = await getTask(row, queue, deps.fetch, policy.timeoutMs);
    if (await record({ id: row.id, task })) changed++;
  });
  return changed;
}

type Answer = { id: string; task: unknown };

async function getTask(row: OutboxRow, queue: QueueSettings, fetcher: typeof fetch, timeoutMs: number) {
  const base = queue.endpoint.endsWith('/') ? queue.endpoint : `${queue.endpoint}/`;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetcher(new URL(`Task/${encodeURIComponent(row.taskId ?? '')}`, base), {
      headers: { accept: 'application/fhir+json', authorization: `Bearer ${queue.token}` },
      signal: controller.signal,
    });
    return response.ok ? jsonOrNothing(await response.text()) : undefined;
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

async function recordStatuses(deps: StatusDeps, policy: RetryPolicy, answers: Answer[]): Promise<boolean[]> {
  const { db } = deps;
  return db.transaction('rw', db.referrals, async () => {
    const rows = await db.referrals.bulkGet(answers.map(({ id }) => id));
    const now = deps.now();
    const updates = answers.map(({ task }, index) => updated(rows[index], task, now, policy));
    await db.referrals.bulkPut(updates.flatMap((update) => (update ? [update.row] : [])));
    return updates.map((update) => update?.changed ?? false);
  });
}

function updated(
  row: OutboxRow | undefined,
  task: unknown,
  now: number,
  policy: RetryPolicy,
): { row: OutboxRow; changed: boolean } | undefined {
  if (!row || row.pollAt === undefined) return undefined;
  const parsed = task === undefined ? undefined : linkWorkerStatus(task);
  const polls = row.polls + 1;
  const status = parsed?.ok ? parsed.status : undefined;
  // Read from the same answer as the status: the poll that finds the Task final is the last, so the outcome that
  // came with it (the message back at closing) is kept now or never.
  const back = status ? readMessageBack(task) : undefined;
  // A Task starts as requested: news is only a status other than the one already known, or new words from the service.
  const newStatus = status !== undefined && status.status !== (row.linkWorker?.status ?? 'requested');
  const newWords = back !== undefined && !sameMessageBack(back, row.messageBack);
  const { pollAt: _poll, messageBack: previous, ...rest } = row;
  const messageBack = back ?? previous;
  return {
    changed: newStatus || newWords,
    row: {
      ...rest,
      polls,
      updatedAt: now,
      ...(status && { linkWorker: status }),
      ...(messageBack && (messageBack.state || messageBack.closing) ? { messageBack } : {}),
      ...(status && isFinal(status.status) ? {} : { pollAt: now + pollDelay(polls, policy) }),
      trail: newStatus ? [...row.trail, { at: now, status: status.status }] : row.trail,
    },
  };
}

function sameMessageBack(read: MessageBack, kept: MessageBack | undefined): boolean {
  return JSON.stringify(read) === JSON.stringify(kept ?? {});
}
