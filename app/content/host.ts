/**
 * The sidebar host: the one element the content script adds to a practice system's page. It holds a closed shadow root
 * (the page's scripts cannot reach inside, its CSS cannot style what is inside, ours cannot leak out) with a launcher tab
 * and, once opened, the pad in an iframe of the extension's pad page — a cross-origin frame the page cannot read.
 * The iframe's URL carries a fresh random nonce that only this host knows: the pad shows nothing until the content
 * script confirms it (the frame handshake, app/shared/messaging). Built with DOM calls only, never HTML strings.
 * The pad's width follows its left edge (./pad-width.ts); the closed launcher keeps off the page's text fields
 * (./launcher-place.ts); both as the user left them on this practice system (remembered by the content script).
 */
import type { SidebarLayout } from '../shared/storage/sidebar-layout';
import { keepLauncherPlaced } from './launcher-place';
import { padWidthSeparator } from './pad-width';
import CSS from './sidebar.css?inline';

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

export type SidebarOptions = {
  padUrl: () => string;
  /** Called each time the pad's frame has loaded, with its window and nonce (Firefox's channel, ./pad-channel.ts). */
  onPadLoaded?: (frame: Window, nonce: string, padOrigin: string) => void;
  /** As the user left it on this practice system; the defaults where absent. */
  layout?: SidebarLayout;
  /** Called with the whole layout whenever the user changes it (a width chosen, the launcher dropped). */
  onLayoutChange?: (layout: SidebarLayout) => void;
};

export const HOST_TAG = 'social-prescribing-pad';
/** The launcher's place before the user moves it, as a share of the window's height. */
const LAUNCHER_TOP = 0.38;

export function mountSidebar(document: Document, options: SidebarOptions): Sidebar {
  const host = hostElement(document);
  const { launcher, panel } = launcherAndPanel(document);
  const style = document.createElement('style');
  style.textContent = CSS;
  const root = host.attachShadow({ mode: 'closed' });
  root.append(style, launcher, panel);

  let frame: HTMLIFrameElement | undefined;
  /**
   * Whether the pad's document in the frame has loaded. The frame is focused only then: Chromium, focusing the frame
   * while its document was still on its way, told the pad it had focus but kept the keyboard on the page, so what was
   * then typed in the pad went nowhere (OPEN-5, P7).
   */
  let loaded = false;
  let nonce: string | undefined;
  let returnFocusTo: Element | null = null;

  const frameThePad = () => {
    nonce = randomNonce();
    frame = document.createElement('iframe');
    frame.title = 'Social prescribing pad';
    frame.setAttribute('allow', 'clipboard-write');
    const url = options.padUrl();
    frame.src = `${url}#${nonce}`;
    // Opened before the pad had loaded: the frame is focused once it has.
    frame.addEventListener('load', () => {
      loaded = true;
      if (frame?.contentWindow && nonce) options.onPadLoaded?.(frame.contentWindow, nonce, new URL(url).origin);
      if (isOpen() && focusUnmoved()) frame?.focus();
    });
    panel.append(frame);
  };

  const isOpen = () => !panel.hidden;
  /**
   * Focus is where the pad's opening left it: not since moved by the user, to the pad's width handle or back into the
   * page, which a late load must not take away.
   */
  const focusUnmoved = () => {
    const active = document.activeElement;
    if (active === host) return root.activeElement === null || root.activeElement === launcher;
    return active === returnFocusTo || active === null || active === document.body;
  };
  const { launcherClear, wasDragged } = layOut(document, { launcher, panel, isOpen }, options);
  const open = () => {
    if (isOpen()) return;
    const active = document.activeElement;
    returnFocusTo = active === host ? launcher : active;
    if (!frame) frameThePad();
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    launcher.style.right = panel.style.width;
    if (loaded) frame?.focus();
  };
  const close = () => {
    if (!isOpen()) return;
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.style.right = '';
    launcherClear();
    const target = returnFocusTo?.isConnected ? returnFocusTo : launcher;
    (target as HTMLElement).focus?.();
    returnFocusTo = null;
  };
  launcher.addEventListener('click', () => {
    if (!wasDragged()) isOpen() ? close() : open();
  });

  const attach = () => document.documentElement.append(host);
  attach();
  // A page that rebuilds its document may drop us: put the host back (an iframe reloads, and its nonce still holds).
  const keeper = new (document.defaultView?.MutationObserver ?? MutationObserver)(() => {
    if (host.isConnected) return;
    // Put back, the frame loads its pad again.
    loaded = false;
    attach();
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
    showPatientPresent: (present) => {
      launcher.classList.toggle('no-patient', !present);
      // The page has re-rendered (another patient, or none): its fields may have moved under the launcher.
      launcherClear();
    },
  };
}

/**
 * The pad's width (its left edge's separator) and the launcher's place, from the remembered layout; each change the
 * user makes is passed on whole to `onLayoutChange`.
 */
function layOut(
  document: Document,
  { launcher, panel, isOpen }: { launcher: HTMLElement; panel: HTMLElement; isOpen: () => boolean },
  { layout: remembered = {}, onLayoutChange }: SidebarOptions,
): { launcherClear: () => void; wasDragged: () => boolean } {
  let layout = { ...remembered };
  const remember = (change: SidebarLayout) => {
    layout = { ...layout, ...change };
    onLayoutChange?.(layout);
  };
  const separator = padWidthSeparator(document, layout.padWidth, {
    show: (width) => {
      panel.style.width = `min(${width}px, 100vw)`;
      if (isOpen()) launcher.style.right = panel.style.width;
    },
    chosen: (padWidth) => remember({ padWidth }),
  });
  panel.prepend(separator);
  const window = document.defaultView as Window;
  const placed = keepLauncherPlaced(document, launcher, {
    wanted: () => layout.launcherTop ?? window.innerHeight * LAUNCHER_TOP,
    isOpen,
    remember: (launcherTop) => remember({ launcherTop }),
  });
  return { launcherClear: placed.check, wasDragged: placed.wasDragged };
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
