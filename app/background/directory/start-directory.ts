import { browser } from 'wxt/browser';
import type { Settings } from '../../../domain/settings/settings';
import { loadSettings, watchSettings } from '../../shared/storage/settings';
import { type RefreshResult, refreshDirectory } from './refresh-directory';

const ALARM = 'directory';
/** Capacity and agreements change over days, not minutes: four fetches a day, and whenever a page asks. */
const EVERY_MINUTES = 6 * 60;

/**
 * Keeps the practice's directory fresh: at browser start and install, every six hours (an alarm, which outlives the
 * worker), whenever the queue in force changes (the champion's settings or policy), and when a page asks
 * (`directory:refresh`, the returned function). Refreshes asked for while one runs share it.
 */
export function startDirectory(): () => Promise<RefreshResult> {
  let running: Promise<RefreshResult> | undefined;
  const refresh = () => {
    running ??= refreshDirectory({ fetch: (...args) => fetch(...args), now: Date.now }).finally(() => {
      running = undefined;
    });
    return running;
  };
  const quietly = (work = refresh) =>
    void work().catch((error) => console.warn('The directory could not be refreshed; the alarm tries again.', error));
  // A refresh running when the queue changes read the settings before the change: another follows it, never shared.
  const afterChange = () => (running ? running.catch(() => undefined).then(refresh) : refresh());

  browser.runtime.onStartup.addListener(() => quietly());
  browser.runtime.onInstalled.addListener(() => quietly());
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) quietly();
  });
  // Another endpoint or token is another practice's directory, or none: fetched at once, not in six hours.
  const queueOf = (settings: Settings) => JSON.stringify(settings.queue ?? null);
  let queue: string | undefined;
  void loadSettings().then((settings) => {
    queue ??= queueOf(settings);
  });
  watchSettings((settings) => {
    // Not known yet (the worker is just starting): counted as a change, at worst one fetch more.
    const changed = queueOf(settings) !== queue;
    queue = queueOf(settings);
    if (changed) quietly(afterChange);
  });
  // Re-creating the alarm would push it back on every worker start; create it only when missing.
  void browser.alarms.get(ALARM).then(async (alarm) => {
    if (!alarm) await browser.alarms.create(ALARM, { periodInMinutes: EVERY_MINUTES, delayInMinutes: EVERY_MINUTES });
  });
  return refresh;
}
