/**
 * The sidebar host: the one element the content script adds to a practice system's page. It holds a closed shadow root
 * (the page's scripts cannot reach inside, its CSS cannot style what is inside, ours cannot leak out) with a launcher tab
 * and, once opened, the pad in an iframe of the extension's pad page — a cross-origin frame the page cannot read.
 * The iframe's URL carries a fresh random nonce that only this host knows: the pad shows nothing until the content
 * script confirms it (the frame handshake, app/shared/messaging). Built with DOM calls only, never HTML strings.
 */

export type Sidebar = {
  /** The element added to the page. */
  readonly element: HTMLElement;
  /** Loads the pad hidden, so that opening it later shows it at once. */
  preload(): void;
  open(): void;
  close(): void;
  toggle(): void;
  isOpen(): boolean;
  /** Whether a nonce is the one in the URL of the pad this host framed. */
  confirms(nonce: string): boolean;
  /** Takes the host out of the page for good. */
  unmount(): void;
  /** The launcher says whether the page shows a patient the pad can be pre-filled with. */
  showPatientPresent(present: boolean): void;
};

export const HOST_TAG = 'social-prescribing-pad';
const PANEL_WIDTH = 'min(440px, 100vw)';
const NHS_BLUE = '#005eb8';
const FOCUS_YELLOW = '#ffeb3b';

// Sizes in px: rem would follow the host page's root font size.
const CSS = `
.launcher {
  position: fixed; top: 38%; right: 0; z-index: 2;
  writing-mode: vertical-rl; transform: rotate(180deg);
  min-width: 44px; min-height: 160px; padding: 14px 10px; margin: 0;
  border: 0; border-radius: 0 8px 8px 0; background: ${NHS_BLUE}; color: #fff;
  font: 600 16px/1.2 Arial, Helvetica, sans-serif; letter-spacing: 0.02em; cursor: pointer;
  box-shadow: 0 2px 6px rgba(0, 0, 0, 0.35);
}
.launcher:hover { background: #003087; }
.launcher:focus-visible { outline: 4px solid ${FOCUS_YELLOW}; outline-offset: 0; box-shadow: 0 0 0 8px #212b32; }
.launcher .dot { display: inline-block; width: 10px; height: 10px; margin-bottom: 8px; border-radius: 50%; background: #7fcfa0; }
.launcher.no-patient .dot { background: transparent; border: 2px solid #fff; box-sizing: border-box; }
.launcher[aria-expanded="true"] { right: ${PANEL_WIDTH}; }
.panel {
  position: fixed; top: 0; right: 0; bottom: 0; width: ${PANEL_WIDTH}; z-index: 1;
  background: #fff; border-left: 4px solid ${NHS_BLUE}; box-shadow: -4px 0 12px rgba(0, 0, 0, 0.25);
}
.panel[hidden] { display: none; }
iframe { display: block; width: 100%; height: 100%; border: 0; }
`;

/**
 * `onPadLoaded` is called each time the pad's frame has loaded, with its window and nonce (Firefox's channel to the pad,
 * ./pad-channel.ts).
 */
export function mountSidebar(
  document: Document,
  padUrl: () => string,
  onPadLoaded?: (frame: Window, nonce: string, padOrigin: string) => void,
): Sidebar {
  const host = hostElement(document);
  const { launcher, panel } = launcherAndPanel(document);
  const style = document.createElement('style');
  style.textContent = CSS;
  host.attachShadow({ mode: 'closed' }).append(style, launcher, panel);

  let frame: HTMLIFrameElement | undefined;
  let nonce: string | undefined;
  let returnFocusTo: Element | null = null;

  const frameThePad = () => {
    nonce = randomNonce();
    frame = document.createElement('iframe');
    frame.title = 'Social prescribing pad';
    frame.setAttribute('allow', 'clipboard-write');
    const url = padUrl();
    frame.src = `${url}#${nonce}`;
    // Opened before the pad had loaded: focusing the frame then did nothing, so focus it once it has.
    frame.addEventListener('load', () => {
      if (frame?.contentWindow && nonce) onPadLoaded?.(frame.contentWindow, nonce, new URL(url).origin);
      if (isOpen()) frame?.focus();
    });
    panel.append(frame);
  };

  const isOpen = () => !panel.hidden;
  const open = () => {
    if (isOpen()) return;
    const active = document.activeElement;
    returnFocusTo = active === host ? launcher : active;
    if (!frame) frameThePad();
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    frame?.focus();
  };
  const close = () => {
    if (!isOpen()) return;
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    const target = returnFocusTo?.isConnected ? returnFocusTo : launcher;
    (target as HTMLElement).focus?.();
    returnFocusTo = null;
  };
  launcher.addEventListener('click', () => (isOpen() ? close() : open()));

  const attach = () => document.documentElement.append(host);
  attach();
  // A page that rebuilds its document may drop us: put the host back (an iframe reloads, and its nonce still holds).
  const keeper = new (document.defaultView?.MutationObserver ?? MutationObserver)(() => {
    if (!host.isConnected) attach();
  });
  keeper.observe(document.documentElement, { childList: true });

  return {
    element: host,
    preload: () => {
      if (!frame) frameThePad();
    },
    open,
    close,
    toggle: () => (isOpen() ? close() : open()),
    isOpen,
    unmount: () => {
      keeper.disconnect();
      host.remove();
    },
    confirms: (candidate) => nonce !== undefined && candidate === nonce,
    showPatientPresent: (present) => launcher.classList.toggle('no-patient', !present),
  };
}

/** The one element added to the page, fixed in place and out of the page's flow. */
function hostElement(document: Document): HTMLElement {
  const host = document.createElement(HOST_TAG);
  // Set through CSSOM, with !important, so that neither page CSS nor a page's CSP on style attributes can undo it.
  for (const [property, value] of [
    ['all', 'initial'],
    ['display', 'block'],
    ['position', 'fixed'],
    ['top', '0'],
    ['right', '0'],
    ['width', '0'],
    ['height', '0'],
    ['z-index', '2147483647'],
  ] as const) {
    host.style.setProperty(property, value, 'important');
  }
  return host;
}

/** The launcher tab on the right edge, and the panel the pad's frame goes in (hidden until opened). */
function launcherAndPanel(document: Document): { launcher: HTMLButtonElement; panel: HTMLDivElement } {
  const launcher = document.createElement('button');
  launcher.type = 'button';
  launcher.className = 'launcher no-patient';
  launcher.setAttribute('aria-expanded', 'false');
  launcher.setAttribute('aria-keyshortcuts', 'Alt+Shift+S');
  launcher.title = 'Social prescribing pad (Alt+Shift+S)';
  const dot = document.createElement('span');
  dot.className = 'dot';
  dot.setAttribute('aria-hidden', 'true');
  launcher.append(dot, 'Social prescribing');
  const panel = document.createElement('div');
  panel.className = 'panel';
  panel.setAttribute('role', 'complementary');
  panel.setAttribute('aria-label', 'Social prescribing pad');
  panel.hidden = true;
  return { launcher, panel };
}

/** 128 random bits, base64url. */
function randomNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}
