import { TOGGLE_PAD_COMMAND, type TogglePad } from '../../lib/messaging/messages';

export default defineBackground(() => {
  // The outbox drain and status polling arrive with the outbox issue.

  // The keyboard shortcut (manifest `commands`) opens and closes the pad in the tab it was pressed in.
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== TOGGLE_PAD_COMMAND || tab?.id === undefined) return;
    const message: TogglePad = { type: 'toggle-pad' };
    browser.tabs.sendMessage(tab.id, message, { frameId: 0 }).catch(() => undefined);
  });
});
