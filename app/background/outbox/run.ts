import { Dexie } from 'dexie';
import type { OutboxRow } from '../../../domain/outbox/row';
import { sealCounts } from './counts';
import { drainCounts } from './counts-drain';
import { type DrainDeps, type DrainReport, drain } from './drain';
import { undelivered } from './queries';
import { redactDelivered, redactNeedsAttention } from './retention';
import { pollStatuses } from './status';

export type RunDeps = DrainDeps & {
  retentionDays: number;
  /** The practice shares counts from the point of referral (settings: shareCounts); off when absent. */
  shareCounts?: boolean;
  /** A fresh key for a sealed batch of counts (a random UUID when absent). */
  newKey?: () => string;
};

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

/**
 * One pass of the background's outbox work: seal the counts of days that have ended, send what is due (referrals,
 * then counts), ask for statuses, apply retention.
 */
export async function runOutbox(
  deps: RunDeps,
  { refresh, online }: RunOptions = { refresh: false, online: false },
): Promise<RunResult> {
  const share = deps.shareCounts === true;
  await sealCounts(deps.db, { now: deps.now(), share, newKey: deps.newKey ?? (() => crypto.randomUUID()) });
  const report = await drain(deps, { skipBackoff: online });
  if (share) await drainCounts(deps);
  await pollStatuses(deps, { everything: refresh });
  await redactDelivered(deps.db, deps.now(), deps.retentionDays);
  await redactNeedsAttention(deps.db, deps.now(), deps.retentionDays);
  return { report, undelivered: await undelivered(deps.db), nextDueAt: await nextDueAt(deps) };
}

async function nextDueAt({ db }: DrainDeps): Promise<number | undefined> {
  const [retry, lease, poll, countsRetry, countsLease] = await Promise.all([
    db.referrals.where('[status+nextAttemptAt]').between(['queued', Dexie.minKey], ['queued', Dexie.maxKey]).first(),
    db.referrals.where('[status+leaseUntil]').between(['sending', Dexie.minKey], ['sending', Dexie.maxKey]).first(),
    db.referrals.orderBy('pollAt').first(),
    db.countBatches.where('[status+nextAttemptAt]').between(['queued', Dexie.minKey], ['queued', Dexie.maxKey]).first(),
    db.countBatches.where('[status+leaseUntil]').between(['sending', Dexie.minKey], ['sending', Dexie.maxKey]).first(),
  ]);
  const times = [
    retry?.nextAttemptAt,
    lease?.leaseUntil,
    poll?.pollAt,
    countsRetry?.nextAttemptAt,
    countsLease?.leaseUntil,
  ].filter((time) => time !== undefined);
  return times.length ? Math.min(...times) : undefined;
}
