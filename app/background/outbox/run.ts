import { Dexie } from 'dexie';
import type { OutboxRow } from '../../../domain/outbox/row';
import { type DrainDeps, type DrainReport, drain } from './drain';
import { undelivered } from './queries';
import { redactDelivered, redactNeedsAttention } from './retention';
import { pollStatuses } from './status';

export type RunDeps = DrainDeps & { retentionDays: number };

export type RunResult = {
  report: DrainReport;
  /** For the toolbar badge: the rows waiting to be sent, being sent, or needing attention. */
  undelivered: OutboxRow[];
  /** When something next falls due (a retry, an expired lease, a status poll), if anything does. */
  nextDueAt: number | undefined;
};

export type RunOptions = {
  /** Ask for every link worker status now (the pad shows its list). */
  refresh: boolean;
  /** The network came back: send queued referrals now rather than after their backoff. */
  online: boolean;
};

/** One pass of the background's outbox work: send what is due, ask for statuses, apply retention. */
export async function runOutbox(
  deps: RunDeps,
  { refresh, online }: RunOptions = { refresh: false, online: false },
): Promise<RunResult> {
  const report = await drain(deps, { skipBackoff: online });
  await pollStatuses(deps, { everything: refresh });
  await redactDelivered(deps.db, deps.now(), deps.retentionDays);
  await redactNeedsAttention(deps.db, deps.now(), deps.retentionDays);
  return { report, undelivered: await undelivered(deps.db), nextDueAt: await nextDueAt(deps) };
}

async function nextDueAt({ db }: DrainDeps): Promise<number | undefined> {
  const [retry, lease, poll] = await Promise.all([
    db.referrals.where('[status+nextAttemptAt]').between(['queued', Dexie.minKey], ['queued', Dexie.maxKey]).first(),
    db.referrals.where('[status+leaseUntil]').between(['sending', Dexie.minKey], ['sending', Dexie.maxKey]).first(),
    db.referrals.orderBy('pollAt').first(),
  ]);
  const times = [retry?.nextAttemptAt, lease?.leaseUntil, poll?.pollAt].filter((time) => time !== undefined);
  return times.length ? Math.min(...times) : undefined;
}
