import { browser } from 'wxt/browser';
import { releaseSitesNotNeeded, restoreContentScripts } from '../shared/content-scripts';
import { tellTab } from '../shared/messaging/ask';
import { TOGGLE_PAD_COMMAND } from '../shared/messaging/protocol';
import { answerMessages } from './answers';
import { startDirectory } from './directory/start-directory';
import { watchedShareCounts } from './share-counts';
import { openSidePanelOnAction } from './side-panel';
import { startOutbox } from './start-outbox';

/** The service worker's start-up: every listener is registered synchronously, as MV3 requires. */
export function startBackground(): void {
  // Whether counts are shared is kept in memory: a Send then waits on no storage read before its commit.
  answerMessages({ run: startOutbox(), refresh: startDirectory(), shareCounts: watchedShareCounts() });
  openSidePanelOnAction();

  // Champion and policy sites' content scripts, again after a restart or an update (app/shared/content-scripts.ts); and
  // any site allowed for an adapter trial the options page was closed on is given back.
  const restore = () => {
    void restoreContentScripts().catch(() => undefined);
    void releaseSitesNotNeeded().catch(() => undefined);
  };
  browser.runtime.onStartup.addListener(restore);
  browser.runtime.onInstalled.addListener(restore);

  // The keyboard shortcut (manifest `commands`) opens and closes the pad in the tab it was pressed in.
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== TOGGLE_PAD_COMMAND || tab?.id === undefined) return;
    void tellTab(tab.id, 'toggle-pad', {});
  });
}
