import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');

/** Chromium with the built extension loaded, in a fresh profile. One per test file. */
export async function launchWithExtension(): Promise<{
  context: BrowserContext;
  extensionId: string;
  close: () => Promise<void>;
}> {
  const profile = mkdtempSync(join(tmpdir(), 'pad-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 420, height: 900 },
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The extension API as seen from inside one of its pages (page.evaluate runs there, not in Node). */
type ChromeStorage = { chrome: { storage: { local: { set(items: object): Promise<void>; clear(): Promise<void> } } } };

/** Writes to the extension's local storage from one of its pages (the pad reads settings and drafts from there). */
export async function setExtensionStorage(page: Page, items: Record<string, unknown>): Promise<void> {
  await page.evaluate((values) => (globalThis as unknown as ChromeStorage).chrome.storage.local.set(values), items);
}

export async function clearExtensionStorage(page: Page): Promise<void> {
  await page.evaluate(() => (globalThis as unknown as ChromeStorage).chrome.storage.local.clear());
}

/** The outbox rows as stored in the extension's IndexedDB (read from one of its pages). */
export async function outboxRows(
  page: Page,
): Promise<{ id: string; status: string; nhsNumber?: string; needs: string[] }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('outbox');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('referrals')) return resolve([]);
          const all = db.transaction('referrals').objectStore('referrals').getAll();
          all.onsuccess = () => resolve(all.result);
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

/** Runs axe-core (from node_modules) in the page and gives the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  // Evaluated through the DevTools protocol: an inline <script> would be refused by the extension page's CSP.
  await page.evaluate(readFileSync(resolve('node_modules/axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    const { violations } = await axe.run();
    return violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        nodes: violation.nodes.map((node) => node.target.join(' ')),
      }));
  });
}
