import { browser } from 'wxt/browser';
import { type RefreshResult, refreshDirectory } from './refresh-directory';

const ALARM = 'directory';
/** Capacity and agreements change over days, not minutes: four fetches a day, and whenever a page asks. */
const EVERY_MINUTES = 6 * 60;

/**
 * Keeps the practice's directory fresh: at browser start and install, every six hours (an alarm, which outlives the
 * worker), and when a page asks (`directory:refresh`, the returned function). Refreshes asked for while one runs share it.
 */
export function startDirectory(): () => Promise<RefreshResult> {
  let running: Promise<RefreshResult> | undefined;
  const refresh = () => {
    running ??= refreshDirectory({ fetch: (...args) => fetch(...args), now: Date.now }).finally(() => {
      running = undefined;
    });
    return running;
  };
  const quietly = () =>
    void refresh().catch((error) =>
      console.warn('The directory could not be refreshed; the alarm tries again.', error),
    );

  browser.runtime.onStartup.addListener(quietly);
  browser.runtime.onInstalled.addListener(quietly);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) quietly();
  });
  // Re-creating the alarm would push it back on every worker start; create it only when missing.
  void browser.alarms.get(ALARM).then(async (alarm) => {
    if (!alarm) await browser.alarms.create(ALARM, { periodInMinutes: EVERY_MINUTES, delayInMinutes: EVERY_MINUTES });
  });
  return refresh;
}
