/**
 * Sender checks for runtime messages: pure and zod-free (the content script uses them), so they are tested without a
 * browser. `sender` is what the browser passes to `runtime.onMessage` listeners (only the fields used here). Only our own
 * extension's contexts carry our `sender.id`; web pages cannot send runtime messages to us at all (no
 * `externally_connectable`).
 */
export type Sender = { id?: string; url?: string; tab?: { id?: number } };

/** The path of the pad page inside the extension. */
const PAD_PATH = '/pad.html';
/** The same pad as the browser's side panel (not web-accessible: no page can frame it). */
const SIDE_PANEL_PATH = '/sidepanel.html';

/**
 * Who may send a message (each message's rule is in ./protocol.ts):
 * - `our-extension`: any of our own contexts (the background, our pages, our content scripts);
 * - `extension-page`: one of our extension's own pages (the pad, the side panel, the options page), never a content script;
 * - `pad`: our pad page, framed or as the side panel;
 * - `content-script-of-tab`: our content script in the receiving pad's own tab.
 */
export type SenderRule = 'our-extension' | 'extension-page' | 'pad' | 'content-script-of-tab';

/** What the receiver knows of itself: our runtime id, and for a pad the tab it is framed in. */
export type Receiving = { runtimeId: string; tabId?: number };

/** Whether a sender passes a rule. */
export function senderPasses(rule: SenderRule, sender: Sender, { runtimeId, tabId }: Receiving): boolean {
  switch (rule) {
    case 'our-extension':
      return isFromOurExtension(sender, runtimeId);
    case 'extension-page':
      return sender.id === runtimeId && isExtensionUrl(sender.url);
    case 'pad':
      return isFromPad(sender, runtimeId);
    case 'content-script-of-tab':
      return tabId !== undefined && isFromContentScriptOfTab(sender, runtimeId, tabId);
  }
}

/** What a refused sender is told, where the message has a reply. */
export const REFUSED: Record<SenderRule, string> = {
  'our-extension': 'not from this extension',
  'extension-page': 'not from an extension page',
  pad: 'not from the pad',
  'content-script-of-tab': 'not from the page beside the pad',
};

/** From one of our own extension's contexts (never another extension or a web page). */
export function isFromOurExtension(sender: Sender, runtimeId: string): boolean {
  return sender.id === runtimeId;
}

/**
 * From our content script in the pad's own tab: only then may a `patient-on-screen` message change the pad. A content
 * script in another tab is another consultation; an extension page (another pad, the options page) is not the page.
 */
function isFromContentScriptOfTab(sender: Sender, runtimeId: string, tabId: number): boolean {
  return sender.id === runtimeId && sender.tab?.id === tabId && !isExtensionUrl(sender.url);
}

/** From our pad page, framed in a tab or as the side panel (its origin may be a dynamic id: only the path is compared). */
export function isFromPad(sender: Sender, runtimeId: string): boolean {
  if (sender.id !== runtimeId || !isExtensionUrl(sender.url)) return false;
  try {
    const { pathname } = new URL(sender.url as string);
    return pathname === PAD_PATH || pathname === SIDE_PANEL_PATH;
  } catch {
    return false;
  }
}

function isExtensionUrl(url: string | undefined): boolean {
  return url !== undefined && /^(chrome|moz|safari-web)-extension:\/\//.test(url);
}
