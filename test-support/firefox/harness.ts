/**
 * The Firefox harness: Debian's firefox-esr driven by puppeteer-core over WebDriver BiDi (no geckodriver), the built
 * Firefox extension (.output/firefox-mv3, built once per run by tests/firefox/global-setup.ts) installed as a temporary
 * add-on, and the demo practice system on a free 127.0.0.1 port.
 *
 *   const h = await launchFirefox();           // one per test file (beforeAll), h.close() in afterAll
 *   const page = await openDemo(h);             // the consultation screen, our host element mounted
 *   await toggleByShortcut(page);
 *   const pad = await padFrame(page);           // the pad's frame, once its frame handshake is confirmed
 *   const ext = await openExtensionPage(h, 'options.html');
 *
 * Everything waits for a condition, never for time.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { vi } from 'vitest';
import { startDemoPractice } from '../../scripts/demo-practice.mjs';

export const FIREFOX = '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv3');
/**
 * The extension's moz-extension:// host. Firefox gives each installed add-on a random one; the test profile fixes it
 * (the `extensions.webextensions.uuids` preference) so that tests can open the extension's pages.
 */
const EXTENSION_UUID = '5f0c2b8e-3d41-4a7a-9c6e-2b1f7e4d9a30';
/**
 * A host name that resolves to the demo server (the profile's `network.dns.localDomains`), for a practice system a
 * champion adds at run time: not 127.0.0.1 nor localhost, so nothing in the manifest names it.
 */
export const PRACTICE_HOST = 'practice.test';

export type FirefoxHarness = {
  browser: Browser;
  /** moz-extension://<uuid> */
  extensionOrigin: string;
  /** The gecko id Firefox installed the extension under (manifest browser_specific_settings). */
  extensionId: string;
  /** The demo practice system, e.g. http://127.0.0.1:41234/ */
  demoUrl: string;
  /** The same server under PRACTICE_HOST, e.g. http://practice.test:41234/ */
  demoUrlOnPracticeHost: string;
  close: () => Promise<void>;
};

export async function launchFirefox(): Promise<FirefoxHarness> {
  const manifestFile = join(FIREFOX_EXTENSION_DIR, 'manifest.json');
  if (!existsSync(manifestFile)) {
    throw new Error(`No built extension in ${FIREFOX_EXTENSION_DIR}: run \`npx wxt build -b firefox\`.`);
  }
  const geckoId: string = JSON.parse(readFileSync(manifestFile, 'utf8')).browser_specific_settings.gecko.id;
  const demo = await startDemoPractice({ port: 0 });
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // 8–12 s on an idle 2-core machine; far longer when it is shared.
    timeout: 120_000,
    // Lets BiDi navigate a tab to a moz-extension:// page (the options page, the outbox): refused without it.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }),
      // The user answers Allow to the extension's permission requests (permissions.request, in a click): headless
      // Firefox shows its prompt where nothing can answer it. Only optional permissions are asked that way.
      'extensions.webextOptionalPermissionPrompts': false,
      'network.dns.localDomains': PRACTICE_HOST,
      // Plain http on PRACTICE_HOST, as on 127.0.0.1, without first trying https.
      'dom.security.https_first': false,
    },
  });
  try {
    const extensionId = await browser.installExtension(FIREFOX_EXTENSION_DIR);
    return {
      browser,
      extensionId,
      extensionOrigin: `moz-extension://${EXTENSION_UUID}`,
      demoUrl: demo.url,
      demoUrlOnPracticeHost: `http://${PRACTICE_HOST}:${demo.port}/`,
      close: async () => {
        await browser.close().catch(() => undefined);
        await demo.close();
      },
    };
  } catch (error) {
    await browser.close();
    await demo.close();
    throw error;
  }
}

/** Opens the demo consultation screen and waits until the first patient's banner is shown and our host is mounted. */
export async function openDemo(h: FirefoxHarness): Promise<Page> {
  const page = await h.browser.newPage();
  await page.goto(h.demoUrl);
  await page.waitForSelector('.mw-pname');
  await page.waitForFunction(() => document.querySelector('social-prescribing-pad') !== null);
  return page;
}

/** Alt+Shift+S pressed in the page, as a user does. */
export async function toggleByShortcut(page: Page): Promise<void> {
  await page.keyboard.down('Alt');
  await page.keyboard.down('Shift');
  await page.keyboard.press('KeyS');
  await page.keyboard.up('Shift');
  await page.keyboard.up('Alt');
}

/**
 * The pad's frame in the page, once the pad has confirmed its frame handshake (it shows nothing before). Puppeteer
 * keeps such a frame's URL as about:blank (Firefox sends BiDi no navigation events for moz-extension documents), so the
 * frame is recognised by what it says its own location is.
 */
export async function padFrame(page: Page): Promise<Frame> {
  return vi.waitFor(
    async () => {
      for (const frame of page.frames()) {
        const handshake = await frame
          .evaluate(() => (location.pathname === '/pad.html' ? document.documentElement.dataset.handshake : undefined))
          .catch(() => undefined);
        if (handshake === 'confirmed') return frame;
      }
      throw new Error('No confirmed pad frame in the page yet.');
    },
    { timeout: 20_000, interval: 100 },
  );
}

/**
 * Opens one of the extension's pages in its own tab. BiDi's own navigate, waiting for the page to be complete:
 * puppeteer's goto waits for navigation events that Firefox does not send for moz-extension documents.
 */
export async function openExtensionPage(h: FirefoxHarness, path: string): Promise<Page> {
  const page = await h.browser.newPage();
  const frame = page.mainFrame() as unknown as {
    browsingContext: { navigate(url: string, wait: 'complete'): Promise<void> };
  };
  await frame.browsingContext.navigate(`${h.extensionOrigin}/${path.replace(/^\//, '')}`, 'complete');
  return page;
}

/** Empties the extension's local storage, then writes `items` there (from one of its pages). */
export async function resetExtensionStorage(h: FirefoxHarness, items: Record<string, unknown>): Promise<void> {
  const page = await openExtensionPage(h, 'sidepanel.html');
  try {
    await page.evaluate(async (values) => {
      const storage = (globalThis as unknown as ExtensionStorage).browser.storage.local;
      await storage.clear();
      await storage.set(values);
    }, items);
  } finally {
    await page.close();
  }
}

/** What the extension's local storage holds under `key`. */
export async function storedItem(h: FirefoxHarness, key: string): Promise<unknown> {
  const page = await openExtensionPage(h, 'sidepanel.html');
  try {
    return await page.evaluate(
      async (name) => (await (globalThis as unknown as ExtensionStorage).browser.storage.local.get(name))[name],
      key,
    );
  } finally {
    await page.close();
  }
}

type ExtensionStorage = {
  browser: {
    storage: {
      local: {
        clear(): Promise<void>;
        set(items: object): Promise<void>;
        get(key: string): Promise<Record<string, unknown>>;
      };
    };
  };
};
