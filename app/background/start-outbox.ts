import { browser } from 'wxt/browser';
import { type OutboxBadge, outboxBadge } from '../../domain/outbox/badge';
import { deliveryWatch } from '../../domain/outbox/overdue';
import { tell } from '../shared/messaging/ask';
import { removeAbandonedDrafts } from '../shared/storage/drafts';
import { loadSettings } from '../shared/storage/settings';
import { outbox } from './outbox/db';
import { type RunOptions, runOutbox } from './outbox/run';
import { serialised } from './outbox/serial';

const ALARM = 'outbox';
/** Shorter waits than this are kept by a timer in the worker; longer ones by the alarm (Chrome's minimum is 30 s). */
const TIMER_LIMIT_MS = 25_000;
/** The background's one clock: the drain, the badge and the drafts' retention read the same time. */
const now = () => Date.now();

/**
 * Wires the outbox to its triggers: start-up, the alarm, the network coming back. Returns the trigger for the
 * background's own answers (app/background/answers.ts: after an enqueue or a Send again, and our pages' asks); a
 * message the background sends reaches its pages, never itself.
 */
export function startOutbox(): (options?: Partial<RunOptions>) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;

  const run = serialised<RunOptions>(
    'outbox-drain',
    navigator.locks,
    async (options) => {
      const settings = await loadSettings();
      const result = await runOutbox(
        {
          db: outbox('relaxed'),
          queue: settings.queue,
          retentionDays: settings.retentionDays,
          shareCounts: settings.shareCounts === true,
          fetch: (...args) => fetch(...args),
          now,
          random: Math.random,
        },
        options,
      );
      await showBadge(outboxBadge(result.undelivered, now(), deliveryWatch(settings)));
      // Drafts abandoned for the retention period go too (identifiable, never sent).
      await removeAbandonedDrafts(now(), settings.retentionDays).catch((error) =>
        console.warn('Abandoned drafts could not be removed.', error),
      );
      // Open pads read their Sent referrals lists again (deliveries, refusals, the link workers' answers).
      tell('outbox:changed', {});
      clearTimeout(timer);
      const wait = result.nextDueAt === undefined ? undefined : result.nextDueAt - now();
      if (wait !== undefined && wait < TIMER_LIMIT_MS) timer = setTimeout(trigger, Math.max(0, wait) + 50);
    },
    (a, b) => ({ refresh: a.refresh || b.refresh, online: a.online || b.online }),
  );

  function trigger(options: Partial<RunOptions> = {}): void {
    run({ refresh: false, online: false, ...options }).catch((error) =>
      console.error('The outbox run failed; the alarm will try again.', error),
    );
  }

  browser.runtime.onStartup.addListener(() => trigger());
  browser.runtime.onInstalled.addListener(() => trigger());
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) trigger();
  });
  // Re-creating the alarm would push it back on every worker start; create it only when missing.
  browser.alarms.get(ALARM).then(async (alarm) => {
    if (!alarm) await browser.alarms.create(ALARM, { periodInMinutes: 0.5 });
  });
  self.addEventListener('online', () => trigger({ online: true }));
  // The worker may have been stopped mid-send: every start looks for due rows and expired leases.
  trigger();
  return trigger;
}

/** NHS red when any referral needs attention; NHS dark grey while they are only waiting. */
async function showBadge(badge: OutboxBadge): Promise<void> {
  await browser.action.setBadgeText({ text: badge.text });
  await browser.action.setTitle({ title: badge.title });
  if (badge.text) await browser.action.setBadgeBackgroundColor({ color: badge.attention > 0 ? '#d5281b' : '#4c6272' });
}
