import type { Service } from './context';
import { forgetStale, removeClosedDetails } from './store/retention';

/**
 * Three months after the final decision: time for the referrer to read it and for a query or complaint about it, while
 * the queue is not the record (the GP's record and the link worker's case record are). README says more.
 */
export const DEFAULT_RETENTION_DAYS = 90;

/**
 * The queue's retention, run by `serve` at start and then every `everyMs` (an hour): closed referrals' identifiable
 * details removed after `days` days (0: kept), stale sign-in attempts and sessions forgotten. A failure is logged and
 * tried again next time; it never stops the service.
 */
export function startRetention(service: Pick<Service, 'db' | 'now'>, days: number, everyMs = 60 * 60 * 1000) {
  let running: Promise<void> | undefined;
  const sweep = async () => {
    const now = service.now();
    try {
      if (days > 0) {
        const removed = await removeClosedDetails(service.db, days, now);
        if (removed > 0) console.log(`queue: removed the details of ${removed} referrals closed over ${days} days ago`);
      }
      await forgetStale(service.db, now);
    } catch (error) {
      console.error(`queue: retention failed (${(error as Error).name}); trying again later`);
    }
  };
  const run = () => {
    running ??= sweep().finally(() => {
      running = undefined;
    });
  };
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
