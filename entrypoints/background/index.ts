import { TOGGLE_PAD_COMMAND, type TogglePad } from '../../lib/messaging/messages';
import { restoreContentScripts } from '../../lib/settings/content-scripts';
import { startOutbox } from './outbox';
import { listenForPad } from './pad-enqueue';
import { openSidePanelOnAction } from './side-panel';

export default defineBackground(() => {
  const drain = startOutbox();
  listenForPad(drain);
  openSidePanelOnAction();

  // Champion and policy sites' content scripts, again after a restart or an update (lib/settings/content-scripts.ts).
  const restore = () => void restoreContentScripts().catch(() => undefined);
  browser.runtime.onStartup.addListener(restore);
  browser.runtime.onInstalled.addListener(restore);

  // The keyboard shortcut (manifest `commands`) opens and closes the pad in the tab it was pressed in.
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== TOGGLE_PAD_COMMAND || tab?.id === undefined) return;
    const message: TogglePad = { type: 'toggle-pad' };
    browser.tabs.sendMessage(tab.id, message, { frameId: 0 }).catch(() => undefined);
  });
});
