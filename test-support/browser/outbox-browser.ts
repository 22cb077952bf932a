import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { BOUNDARIED } from '../../tests/e2e/fixtures/models';
import { launchWithExtension } from './harness';
import { fillDateOfBirth } from './pad-browser';
import { readOutboxInPage } from './read-outbox';

/**
 * Chromium with the built extension on a profile that can outlive the browser (for a kill and a restart), and the
 * faults the outbox must survive: the service worker stopped (CDP Target.closeTarget) and the browser process killed.
 */
export type OutboxBrowser = {
  context: BrowserContext;
  extensionId: string;
  profileDir: string;
  /** A tab on an extension page, to read the outbox and storage from the extension's origin. */
  page: Page;
};

export function newProfile(): string {
  return mkdtempSync(join(tmpdir(), 'outbox-e2e-'));
}

export async function launchOn(profileDir: string): Promise<OutboxBrowser> {
  const { context, extensionId } = await launchWithExtension(profileDir, { viewport: { width: 420, height: 900 } });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`chrome-extension://${extensionId}/pad.html`);
  return { context, extensionId, profileDir, page };
}

export function removeProfile(profileDir: string): void {
  rmSync(profileDir, { recursive: true, force: true });
}

type Chrome = {
  chrome: {
    storage: { local: { set(items: object): Promise<void> } };
    action: { getBadgeText(details: object): Promise<string> };
  };
};

/** The practice's settings: the agreed model, and the queue to send to. */
export async function useQueue(b: OutboxBrowser, endpoint: string, token: string): Promise<void> {
  await b.page.evaluate((items) => (globalThis as unknown as Chrome).chrome.storage.local.set(items), {
    settings: { model: BOUNDARIED, queue: { endpoint, token } },
    referrer: { name: 'Dr Asha Patel', role: 'GP', odsCode: 'L81001' },
  });
}

export type StoredRow = {
  id: string;
  status: string;
  attempts: number;
  lastError?: string;
  taskId?: string;
  serviceRequestId?: string;
  leaseUntil?: number;
};

/** The outbox as stored in the extension's IndexedDB, read with the plain IndexedDB API from an extension page. */
export async function outboxRows(b: OutboxBrowser): Promise<StoredRow[]> {
  return b.page.evaluate(readOutboxInPage<StoredRow>);
}

export async function row(b: OutboxBrowser, id: string): Promise<StoredRow | undefined> {
  return (await outboxRows(b)).find((stored) => stored.id === id);
}

/** What the toolbar badge says. */
export async function badge(b: OutboxBrowser): Promise<string> {
  return b.page.evaluate(() => (globalThis as unknown as Chrome).chrome.action.getBadgeText({}));
}

/**
 * A referral sent as a GP sends it: the pad filled in and Send clicked; resolves once the pad says "Saved", with the
 * referral's id (the new outbox row).
 */
export async function sendFromPad(b: OutboxBrowser): Promise<string> {
  const before = new Set((await outboxRows(b)).map((stored) => stored.id));
  const pad = await fillPad(b);
  const send = pad.getByRole('button', { name: 'Send referral' });
  await send.click({ trial: true });
  await send.click();
  await pad.getByRole('heading', { name: /^Saved/ }).waitFor();
  const added = (await outboxRows(b)).filter((stored) => !before.has(stored.id));
  if (added.length !== 1) throw new Error(`Expected one new outbox row after Send, found ${added.length}.`);
  await pad.close();
  return (added[0] as StoredRow).id;
}

/** A new pad tab with a complete referral filled in, Send enabled. */
export async function fillPad(b: OutboxBrowser): Promise<Page> {
  const pad = await b.context.newPage();
  await pad.goto(`chrome-extension://${b.extensionId}/sidepanel.html`);
  await pad.getByRole('heading', { name: 'Patient' }).waitFor();
  await pad.getByLabel('Given name', { exact: true }).fill('John');
  await pad.getByLabel('Family name', { exact: true }).fill('Smith');
  await pad.getByLabel('NHS number', { exact: true }).fill('943 476 5919');
  await fillDateOfBirth(pad, '12 3 1950');
  await pad.getByLabel('Sex', { exact: true }).selectOption('male');
  await pad.getByLabel('Phone', { exact: true }).fill('07700 900123');
  await pad.getByRole('button', { name: 'Loneliness or isolation' }).click();
  await pad.getByRole('button', { name: 'No to all five safety questions' }).click();
  await pad.getByLabel('The patient agrees to be referred to social prescribing').check();
  await pad.getByLabel('The patient agrees to their details being shared with the service').check();
  await pad.getByRole('button', { name: 'Send referral' }).click({ trial: true });
  return pad;
}

/**
 * Rows written straight into the extension's outbox through IndexedDB, in one strict transaction: for the soak and the
 * bench, which need hundreds of referrals (built by `queuedRow`, as `enqueueReferral` builds them) quickly.
 */
export async function putRows(b: OutboxBrowser, entries: { row: object; bundle: object }[]): Promise<void> {
  await b.page.evaluate(
    (batch) =>
      new Promise<void>((done, fail) => {
        const open = indexedDB.open('outbox');
        // Before the worker has created the outbox, opening here would create an empty database (no stores, and a
        // transaction on them throws inside onsuccess, so this never settled): fail clearly instead.
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => fail(new Error(`The outbox database is not there yet (${open.error?.message}).`));
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('referrals') || !db.objectStoreNames.contains('bundles')) {
            db.close();
            return fail(new Error('The outbox database has no referrals/bundles stores yet.'));
          }
          const tx = db.transaction(['referrals', 'bundles'], 'readwrite', { durability: 'strict' });
          for (const entry of batch) {
            tx.objectStore('bundles').put(entry.bundle);
            tx.objectStore('referrals').put(entry.row);
          }
          tx.oncomplete = () => {
            db.close();
            done();
          };
          tx.onabort = () => {
            db.close();
            fail(tx.error);
          };
        };
      }),
    entries,
  );
}

/** Resolves once the worker has created the outbox database at its latest schema (a bounded poll). */
export async function outboxCreated(b: OutboxBrowser, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const ready = await b.page.evaluate(async () => {
      const dbs = await indexedDB.databases();
      if (!dbs.some((db) => db.name === 'outbox')) return false;
      return new Promise<boolean>((done) => {
        const open = indexedDB.open('outbox');
        open.onerror = () => done(false);
        open.onsuccess = () => {
          const names = open.result.objectStoreNames;
          const has = names.contains('referrals') && names.contains('bundles');
          open.result.close();
          done(has);
        };
      });
    });
    if (ready) return;
    if (Date.now() > until) throw new Error(`The worker did not create the outbox database within ${timeoutMs} ms.`);
    await tellDrain(b);
    await b.page.waitForTimeout(100); // poll interval of a bounded poll on the condition above
  }
}

/** What the pad does after an enqueue: tell the background to drain. */
export async function tellDrain(b: OutboxBrowser): Promise<void> {
  await b.page.evaluate(() =>
    (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome.runtime
      .sendMessage({ type: 'outbox:drain' })
      .catch(() => undefined),
  );
}

/** Stops the extension's service worker, as Chrome does when it is idle (Chrome's own samples use this CDP call). */
export async function stopServiceWorker(b: OutboxBrowser): Promise<void> {
  const cdp = await b.context.newCDPSession(b.page);
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as {
      targetInfos: { targetId: string; type: string; url: string }[];
    };
    const worker = targetInfos.find(
      (target) => target.type === 'service_worker' && target.url.startsWith(`chrome-extension://${b.extensionId}/`),
    );
    if (!worker) throw new Error('The extension’s service worker is not running.');
    await cdp.send('Target.closeTarget', { targetId: worker.targetId });
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
