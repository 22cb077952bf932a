/**
 * The real-browser harness: Debian's Chromium with the built extension (.output/chrome-mv3, built once per run by
 * tests/e2e/global-setup.ts) in a fresh profile, and the demo practice system served on a free 127.0.0.1 port.
 *
 *   const h = await launch();                 // one per test file (beforeAll), h.close() in afterAll
 *   const page = await openDemo(h);            // the consultation screen, first patient on screen
 *   await toggleByShortcut(page);              // or clickLauncher(page)
 *   const pad = await padFrame(page);          // the pad's frame (it lives in a closed shadow root: found by URL)
 *   await stopServiceWorker(h); await killBrowser(h); const again = await relaunch(h);  // faults
 *
 * Everything waits for a condition, never for time.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Frame, type Locator, type Page, type Worker } from 'playwright-core';
import { startDemoPractice } from '../../scripts/demo-practice.mjs';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');
export const CHROMIUM = '/usr/bin/chromium';
/** A host name that resolves to the demo server but that no content script or adapter is for: the page without us. */
export const UNMATCHED_HOST = 'practice-without-extension.test';
/**
 * A host name that resolves to the demo server, for a practice system a champion or a policy adds at run time: not
 * localhost nor 127.0.0.1, so nothing in the manifest names it (host permissions, content scripts).
 */
export const PRACTICE_HOST = 'practice.test';

export type Harness = {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** The demo practice system, e.g. http://127.0.0.1:41234/ */
  demoUrl: string;
  /** The same server under a host the content script does not run on. */
  demoUrlWithoutExtension: string;
  /** The same server under PRACTICE_HOST, e.g. http://practice.test:41234/ */
  demoUrlOnPracticeHost: string;
  profileDir: string;
  close: () => Promise<void>;
};

type LaunchOptions = {
  /** Reuse a profile (after killBrowser) instead of a fresh one. */
  profileDir?: string;
  /** Reuse a running demo server. */
  demo?: { url: string; port: number; close: () => Promise<void> };
  /** More Chromium switches. */
  args?: string[];
  /** The browser's language, e.g. 'en-US': what navigator.language and Intl default to in its pages. */
  lang?: string;
};

/** Headless Chromium on this profile with the built extension loaded, once its service worker has started. */
export async function launchWithExtension(
  profileDir: string,
  options: { args?: string[]; viewport?: { width: number; height: number }; lang?: string } = {},
): Promise<{ context: BrowserContext; serviceWorker: Worker; extensionId: string }> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    ...(options.viewport ? { viewport: options.viewport } : {}),
    // Headless Chromium on Linux takes its language from the environment, not --lang: both are set, and Playwright's
    // locale (navigator.language, Intl and Accept-Language in every page and frame).
    ...(options.lang
      ? { locale: options.lang, env: { ...process.env, LANGUAGE: options.lang.replace('-', '_') } }
      : {}),
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      ...(options.lang ? [`--lang=${options.lang}`] : []),
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
      ...(options.args ?? []),
    ],
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, serviceWorker, extensionId: new URL(serviceWorker.url()).host };
}

export async function launch(options: LaunchOptions = {}): Promise<Harness> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: run \`npx wxt build\` (tests/e2e/global-setup.ts does).`);
  }
  const demo = options.demo ?? (await startDemoPractice({ port: 0 }));
  const ownsDemo = options.demo === undefined;
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'sp-pad-profile-'));
  const { context, serviceWorker, extensionId } = await launchWithExtension(profileDir, {
    args: [
      // Only loopback: both names are the demo server on 127.0.0.1.
      `--host-resolver-rules=MAP ${UNMATCHED_HOST} 127.0.0.1, MAP ${PRACTICE_HOST} 127.0.0.1`,
      '--no-sandbox',
      ...(options.args ?? []),
    ],
    lang: options.lang,
  });
  let closed = false;
  return {
    context,
    extensionId,
    serviceWorker,
    demoUrl: demo.url,
    demoUrlWithoutExtension: `http://${UNMATCHED_HOST}:${demo.port}/`,
    demoUrlOnPracticeHost: `http://${PRACTICE_HOST}:${demo.port}/`,
    profileDir,
    close: async () => {
      if (closed) return;
      closed = true;
      await context.close().catch(() => undefined);
      if (ownsDemo) await demo.close();
      if (!options.profileDir) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** Opens the demo consultation screen and waits until the first patient's banner is shown and our host is mounted. */
export async function openDemo(h: Harness, path = ''): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(new URL(path, h.demoUrl).href);
  await page.locator('.mw-pname').waitFor();
  await page.waitForFunction(() => document.querySelector('social-prescribing-pad') !== null);
  return page;
}

/** Chooses a patient in the demo's surgery list, as a user clicks it, and waits for their banner. */
export async function choosePatient(page: Page, family: string): Promise<void> {
  await page.locator('.mw-slot', { hasText: family }).click();
  await page.locator('.mw-pname', { hasText: family }).waitFor();
}

/** The keyboard shortcut, pressed in the page as a user would. */
export async function toggleByShortcut(page: Page): Promise<void> {
  await page.keyboard.press('Alt+Shift+S');
}

/**
 * Clicks the launcher tab with the mouse. It is inside a closed shadow root, which page scripts and Playwright's
 * selectors cannot enter; DevTools can, so its position comes from there and the click is a real mouse click.
 */
export async function clickLauncher(page: Page): Promise<void> {
  const box = await launcherBox(page);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

export async function launcherBox(page: Page): Promise<Box> {
  const box = await boxInHost(page, 'button');
  if (!box) throw new Error('No launcher shown in the page.');
  return box;
}

/**
 * Whether the pad's panel is showing, seen through DevTools: its iframe has a box and is visible (closed, the pad stays
 * laid out but `visibility: hidden`, app/content/sidebar.css).
 */
export async function isPadShown(page: Page): Promise<boolean> {
  return (await boxInHost(page, 'iframe', { visibleOnly: true })) !== undefined;
}

type Box = { x: number; y: number; width: number; height: number };

/**
 * The on-screen box of the first element named `localName` inside our host's shadow root; undefined when not rendered
 * (or, with `visibleOnly`, when hidden by `visibility`).
 */
async function boxInHost(page: Page, localName: string, { visibleOnly = false } = {}): Promise<Box | undefined> {
  const cdp = await page.context().newCDPSession(page);
  try {
    if (visibleOnly) {
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
    }
    type Node = { nodeId: number; localName: string; children?: Node[]; shadowRoots?: Node[] };
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: Node };
    const find = (node: Node, inHost: boolean): Node | undefined => {
      if (inHost && node.localName === localName) return node;
      const within = inHost || node.localName === 'social-prescribing-pad';
      for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
        const found = find(child, within);
        if (found) return found;
      }
      return undefined;
    };
    const node = find(root, false);
    if (!node) return undefined;
    const result = await cdp.send('DOM.getBoxModel', { nodeId: node.nodeId }).catch(() => undefined);
    if (!result) return undefined; // not rendered (display: none)
    if (visibleOnly) {
      const { computedStyle } = (await cdp.send('CSS.getComputedStyleForNode', { nodeId: node.nodeId })) as {
        computedStyle: { name: string; value: string }[];
      };
      if (computedStyle.find((style) => style.name === 'visibility')?.value !== 'visible') return undefined;
    }
    // A quad of four corners, in whatever order a transform left them.
    const quad = (result as { model: { border: number[] } }).model.border;
    const xs = quad.filter((_, index) => index % 2 === 0);
    const ys = quad.filter((_, index) => index % 2 === 1);
    const [x, y] = [Math.min(...xs), Math.min(...ys)];
    return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
  } finally {
    await cdp.detach();
  }
}

/** Whether the page's URL is our pad page (its origin may be the extension's dynamic id). */
export function isPadUrl(url: string): boolean {
  return url.startsWith('chrome-extension://') && new URL(url).pathname === '/pad.html';
}

/** The pad's frame in the page, once it has loaded. */
export async function padFrame(page: Page): Promise<Frame> {
  const found = () => page.frames().find((frame) => isPadUrl(frame.url()));
  const existing = found();
  if (existing) {
    await existing.waitForLoadState('domcontentloaded');
    return existing;
  }
  const frame = await page.waitForEvent('framenavigated', { predicate: (candidate) => isPadUrl(candidate.url()) });
  await frame.waitForLoadState('domcontentloaded');
  return frame;
}

/**
 * What our content script in the tab showing `url` answers the pad's `which-patient` (asked from an extension page, as
 * the pad asks): the patient context, or null for none. Rejects when no content script is there to answer.
 */
export async function whichPatient(h: Harness, url: string): Promise<unknown> {
  const asker = await openExtensionPage(h, 'pad.html');
  try {
    return await asker.evaluate(async (url) => {
      const { chrome } = globalThis as unknown as {
        chrome: {
          tabs: {
            query(filter: { url: string }): Promise<{ id?: number }[]>;
            sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
          };
        };
      };
      const [tab] = await chrome.tabs.query({ url: `${url}*` });
      if (tab?.id === undefined) throw new Error(`No tab shows ${url}`);
      return chrome.tabs.sendMessage(tab.id, { type: 'which-patient' }, { frameId: 0 });
    }, url);
  } finally {
    await asker.close();
  }
}

/** Opens an extension page (e.g. pad.html, options.html) in its own tab. */
export async function openExtensionPage(h: Harness, path: string): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(`chrome-extension://${h.extensionId}/${path.replace(/^\//, '')}`);
  return page;
}

/** The extension's service worker (the same Worker object also reaches the one the browser starts after a stop). */
export async function currentServiceWorker(h: Harness): Promise<Worker> {
  const ours = (worker: Worker) => worker.url().startsWith(`chrome-extension://${h.extensionId}/`);
  return h.context.serviceWorkers().find(ours) ?? (await h.context.waitForEvent('serviceworker', { predicate: ours }));
}

/** Empties the extension's local storage (settings, drafts, remembered referrer): a fresh start for the next test. */
export async function clearExtensionStorage(h: Harness): Promise<void> {
  const worker = await currentServiceWorker(h);
  await worker.evaluate(() => (globalThis as unknown as ExtensionStorage).chrome.storage.local.clear());
}

type ExtensionStorage = { chrome: { storage: { local: { clear(): Promise<void> } } } };

/**
 * Stops the extension's service worker, as the browser does when it is idle: DevTools' ServiceWorker.stopWorker, from a
 * page of the extension's own origin (its manifest, so no script of ours runs and wakes the worker), waiting until the
 * browser reports it stopped. The next message or event starts a fresh worker (no globals kept); Playwright's Worker
 * object for it stays usable and reaches the new one.
 */
export async function stopServiceWorker(h: Harness): Promise<void> {
  const page = await h.context.newPage();
  await page.goto(`chrome-extension://${h.extensionId}/manifest.json`);
  const cdp = await h.context.newCDPSession(page);
  try {
    type Version = { versionId: string; scriptURL: string; runningStatus: string };
    let stop: Version | undefined;
    const stopped = new Promise<void>((resolve) => {
      cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
        for (const version of (event as { versions: Version[] }).versions) {
          if (!version.scriptURL.startsWith(`chrome-extension://${h.extensionId}/`)) continue;
          if (version.runningStatus === 'running' && !stop) {
            stop = version;
            void cdp.send('ServiceWorker.stopWorker', { versionId: version.versionId });
          }
          if (version.runningStatus === 'stopped') resolve();
        }
      });
    });
    await cdp.send('ServiceWorker.enable');
    await stopped;
  } finally {
    await cdp.detach().catch(() => undefined);
    await page.close();
  }
}

/**
 * Kills the browser's main process (SIGKILL: no shutdown, as in a crash or power cut): only the one started on this
 * profile, by this harness or by outbox-browser.ts.
 */
export async function killBrowser(b: { profileDir: string; context: BrowserContext }): Promise<void> {
  const pid = browserPid(b.profileDir);
  if (pid === undefined) throw new Error('The browser process for this profile is not running.');
  const closed = b.context.waitForEvent('close').catch(() => undefined);
  process.kill(pid, 'SIGKILL');
  await closed;
}

/** Starts the browser again on the same profile (e.g. after killBrowser), with a demo server of its own. */
export async function relaunch(h: Harness): Promise<Harness> {
  const again = await launch({ profileDir: h.profileDir });
  const close = again.close;
  return {
    ...again,
    close: async () => {
      await close();
      rmSync(h.profileDir, { recursive: true, force: true });
    },
  };
}

/**
 * Chromium with the built extension in a fresh profile where the user has already granted the extension these host
 * permissions (e.g. "http://practice.test/*"), as when they accepted the browser's prompt from `permissions.request`:
 * headless Chromium shows that prompt where nothing can answer it, and there is no switch or DevTools command for it. So
 * the grant is written where the browser keeps it (the profile's Preferences, the extension's granted and runtime-granted
 * permissions; Chromium on Linux does not enforce that file's MACs) between a first start, which installs the
 * extension, and the start the test uses. `permissions.request` for these origins then answers true without a prompt.
 */
export async function launchWithGrantedOrigins(origins: string[]): Promise<Harness> {
  const profileDir = mkdtempSync(join(tmpdir(), 'sp-pad-profile-'));
  const first = await launch({ profileDir });
  const { extensionId } = first;
  await first.close();
  const file = join(profileDir, 'Default', 'Preferences');
  const preferences = JSON.parse(readFileSync(file, 'utf8'));
  const settings = preferences.extensions.settings[extensionId];
  for (const key of ['granted_permissions', 'active_permissions']) {
    for (const list of ['explicit_host', 'scriptable_host']) settings[key][list] = [...settings[key][list], ...origins];
  }
  settings.runtime_granted_permissions = {
    api: [],
    manifest_permissions: [],
    explicit_host: origins,
    scriptable_host: origins,
  };
  writeFileSync(file, JSON.stringify(preferences));
  const again = await launch({ profileDir });
  const close = again.close;
  return {
    ...again,
    close: async () => {
      await close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** The host permissions the extension holds now (as `permissions.getAll` gives them). */
export async function grantedOrigins(h: Harness): Promise<string[]> {
  const worker = await currentServiceWorker(h);
  return worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as {
      chrome: { permissions: { getAll(): Promise<{ origins?: string[] }> } };
    };
    return (await chrome.permissions.getAll()).origins ?? [];
  });
}

const SCREENSHOTS_DIR = resolve(import.meta.dirname, '../../docs/screenshots');

/**
 * The README's pictures (docs/screenshots/<file>): written only when UPDATE_SCREENSHOTS=1, so that an ordinary test run
 * leaves the working tree as it found it.
 */
export async function screenshotForDocs(target: Page | Locator, file: string, fullPage = false): Promise<void> {
  if (process.env.UPDATE_SCREENSHOTS !== '1') return;
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const path = join(SCREENSHOTS_DIR, file);
  if ('goto' in target) await target.screenshot({ path, fullPage });
  else await target.screenshot({ path });
}

/** The browser process started with this (unique, fresh) profile directory: found by its own command line. */
function browserPid(profileDir: string): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let args: string[];
    try {
      args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    if (args.includes(`--user-data-dir=${profileDir}`) && !args.some((arg) => arg.startsWith('--type='))) {
      return Number(entry);
    }
  }
  return undefined;
}
