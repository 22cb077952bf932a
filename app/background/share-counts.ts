import { loadSettings, watchSettings } from '../shared/storage/settings';

/** Whether the practice shares counts (settings: shareCounts), read from storage each time it is asked. */
export const readShareCounts = (): Promise<boolean> => loadSettings().then((settings) => settings.shareCounts === true);

/**
 * Whether the practice shares counts, read once and then kept as the settings change, so that a Send waits on no
 * storage read before its transaction (3-5 ms of the click to the commit, `npm run bench -- outbox`). A read that
 * failed is tried again on the next ask.
 */
export function watchedShareCounts(): () => Promise<boolean> {
  let latest = readShareCounts();
  watchSettings((settings) => {
    latest = Promise.resolve(settings.shareCounts === true);
  });
  return () => {
    latest = latest.catch(readShareCounts);
    return latest;
  };
}
