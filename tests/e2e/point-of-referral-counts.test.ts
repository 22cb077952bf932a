import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { ukDate } from '../../domain/clock/uk-date';
import { BOUNDARIED_VCSE_MODEL } from '../../domain/model/examples';
import { openDb } from '../../server/store/open';
import { pointOfReferralCounts } from '../../server/store/point-of-referral-counts';
import { CHROMIUM, choosePatient, padFrame, toggleByShortcut } from '../../test-support/browser/harness';
import { type NpmStart, runNpmStart } from '../../test-support/start/npm-start';

/**
 * Counts from the point of referral, from `npm start`'s own defaults: nothing here turns sharing on, sets a queue or a
 * model — the demo settings share counts. A GP opens the pad for Ravi PATEL (48, BS5: outside the demo's model) and is
 * shown where to send him instead; the check ends there. The day's end is brought on as the overdue test moves time:
 * in the stored check (its day put back one), since the service worker's clock cannot be moved from outside. The next
 * outbox run seals that day and sends it, and the queue's table holds one redirect, by the model's route.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const STARTING = 150_000;
const DAY = 24 * 60 * 60_000;

let started: NpmStart | undefined;
let browser: BrowserContext | undefined;
afterEach(async () => {
  await browser?.close().catch(() => undefined);
  await started?.cleanUp();
  browser = undefined;
  started = undefined;
});

type StoredCheck = { referralId: string; day: string; ending: string; route: string | null; odsCode: string };
type Batch = { key: string; status: string; day: string };

/** Every row of one of the outbox's stores, read with the plain IndexedDB API from an extension page. */
function readStore<Row>(page: Page, store: 'checks' | 'countBatches'): Promise<Row[]> {
  return page.evaluate(
    (name) =>
      new Promise<Row[]>((done, fail) => {
        const open = indexedDB.open('outbox');
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => done([]);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(name)) {
            db.close();
            return done([]);
          }
          const all = db.transaction(name).objectStore(name).getAll();
          all.onsuccess = () => {
            db.close();
            done(all.result as Row[]);
          };
          all.onerror = () => fail(all.error);
        };
      }),
    store,
  );
}

/** The day's end: each open check's day put back one, in one transaction. */
function endTheDay(page: Page, yesterday: string): Promise<void> {
  return page.evaluate(
    (day) =>
      new Promise<void>((done, fail) => {
        const open = indexedDB.open('outbox');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('checks', 'readwrite', { durability: 'strict' });
          const store = tx.objectStore('checks');
          const all = store.getAll();
          all.onsuccess = () => {
            for (const check of all.result) store.put({ ...check, day });
          };
          tx.oncomplete = () => {
            db.close();
            done();
          };
          tx.onabort = () => fail(tx.error);
        };
      }),
    yesterday,
  );
}

function tellDrain(page: Page): Promise<unknown> {
  return page.evaluate(() =>
    (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome.runtime
      .sendMessage({ type: 'outbox:drain' })
      .catch(() => undefined),
  );
}

describe('counts from the point of referral, with npm start’s defaults', () => {
  it(
    'a check ended by a redirect reaches the queue’s table the next day, as one redirect by the model’s route',
    async () => {
      started = runNpmStart(['--no-browser']);
      const [demo = '', extension = ''] = await started.waitFor(
        /Demo practice system: (\S+)/,
        /oad the extension from (\S+) \(chrome:\/\/extensions/,
      );
      const extensionDir = resolve(ROOT, extension);
      browser = await chromium.launchPersistentContext(join(started.dir, 'own-browser'), {
        executablePath: CHROMIUM,
        headless: true,
        args: [
          `--disable-extensions-except=${extensionDir}`,
          `--load-extension=${extensionDir}`,
          '--no-first-run',
          '--disable-gpu',
          '--no-sandbox',
        ],
      });
      const worker = browser.serviceWorkers()[0] ?? (await browser.waitForEvent('serviceworker'));
      const extensionId = new URL(worker.url()).host;

      const practice = await browser.newPage();
      await practice.goto(demo);
      await practice.locator('.mw-pname').waitFor();
      await practice.waitForFunction(() => document.querySelector('social-prescribing-pad') !== null);
      await choosePatient(practice, 'PATEL');
      await toggleByShortcut(practice);
      const pad = await padFrame(practice);
      await expect.poll(() => pad.getByLabel('Given name', { exact: true }).inputValue()).toBe('Ravi');
      // The GP begins a referral and the check says where to send him instead: they do, and close nothing more.
      await pad.getByRole('button', { name: 'Loneliness or isolation' }).click();
      await pad
        .getByText(/Kingsmead Valley PCN/)
        .first()
        .waitFor();

      const page = await browser.newPage();
      await page.goto(`chrome-extension://${extensionId}/pad.html`);
      const today = ukDate(Date.now());
      await expect
        .poll(() => readStore<StoredCheck>(page, 'checks'), { timeout: 30_000 })
        .toEqual([
          expect.objectContaining({
            day: today,
            ending: 'redirected',
            route: 'kingsmead-valley-pcn-sp',
            odsCode: 'Y00001',
          }),
        ]);

      const yesterday = ukDate(Date.now() - DAY);
      await endTheDay(page, yesterday);
      await tellDrain(page);
      await expect
        .poll(
          async () => {
            const batches = await readStore<Batch>(page, 'countBatches');
            if (!batches.some((batch) => batch.status === 'delivered')) await tellDrain(page);
            return batches.map(({ status, day }) => ({ status, day }));
          },
          { timeout: 60_000 },
        )
        .toEqual([{ status: 'delivered', day: yesterday }]);
      expect(await started.interrupt()).toBe(0);

      // The queue's own table, read once npm start has let go of its embedded database.
      const db = await openDb({ dataDir: join(started.dir, '.data/demo-queue') });
      try {
        expect(await pointOfReferralCounts(db, { from: yesterday, to: today })).toEqual([
          expect.objectContaining({
            odsCode: 'Y00001',
            serviceId: 'kingsmead-connect',
            modelVersion: BOUNDARIED_VCSE_MODEL.version,
            ending: 'redirected',
            route: 'kingsmead-valley-pcn-sp',
            n: 1,
          }),
        ]);
      } finally {
        await db.close();
      }
    },
    STARTING + 120_000,
  );
});
