import { TOGGLE_PAD_COMMAND, type TogglePad } from '../../lib/messaging/messages';
import { startOutbox } from './outbox';
import { openSidePanelOnAction } from './side-panel';

export default defineBackground(() => {
  startOutbox();
  openSidePanelOnAction();

  // The keyboard shortcut (manifest `commands`) opens and closes the pad in the tab it was pressed in.
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== TOGGLE_PAD_COMMAND || tab?.id === undefined) return;
    const message: TogglePad = { type: 'toggle-pad' };
    browser.tabs.sendMessage(tab.id, message, { frameId: 0 }).catch(() => undefined);
  });
});
