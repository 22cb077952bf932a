import { browser } from 'wxt/browser';
import { restoreContentScripts } from '../shared/content-scripts';
import { TOGGLE_PAD_COMMAND, type TogglePad } from '../shared/messaging/messages';
import { listenForPad } from './pad-handlers';
import { openSidePanelOnAction } from './side-panel';
import { startOutbox } from './start-outbox';

/** The service worker's start-up: every listener is registered synchronously, as MV3 requires. */
export function startBackground(): void {
  const drain = startOutbox();
  listenForPad(drain);
  openSidePanelOnAction();

  // Champion and policy sites' content scripts, again after a restart or an update (app/shared/content-scripts.ts).
  const restore = () => void restoreContentScripts().catch(() => undefined);
  browser.runtime.onStartup.addListener(restore);
  browser.runtime.onInstalled.addListener(restore);

  // The keyboard shortcut (manifest `commands`) opens and closes the pad in the tab it was pressed in.
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== TOGGLE_PAD_COMMAND || tab?.id === undefined) return;
    const message: TogglePad = { type: 'toggle-pad' };
    browser.tabs.sendMessage(tab.id, message, { frameId: 0 }).catch(() => undefined);
  });
}
