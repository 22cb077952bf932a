/**
 * Sender checks for runtime messages: pure, so they are tested without a browser. `sender` is what the browser passes
 * to `runtime.onMessage` listeners (only the fields used here). Only our own extension's contexts carry our
 * `sender.id`; web pages cannot send runtime messages to us at all (no `externally_connectable`).
 */
export type Sender = { id?: string; url?: string; tab?: { id?: number } };

/** The path of the pad page inside the extension. */
export const PAD_PATH = '/pad.html';
/** The same pad as the browser's side panel (not web-accessible: no page can frame it). */
export const SIDE_PANEL_PATH = '/sidepanel.html';

/** From one of our own extension's contexts (never another extension or a web page). */
export function isFromOurExtension(sender: Sender, runtimeId: string): boolean {
  return sender.id === runtimeId;
}

/**
 * From our content script in the pad's own tab: only then may a `patient-on-screen` message change the pad. A content
 * script in another tab is another consultation; an extension page (another pad, the options page) is not the page.
 */
export function isFromContentScriptOfTab(sender: Sender, runtimeId: string, tabId: number): boolean {
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
