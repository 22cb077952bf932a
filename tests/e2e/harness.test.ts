import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  currentServiceWorker,
  type Harness,
  killBrowser,
  launch,
  openExtensionPage,
  relaunch,
  stopServiceWorker,
} from '../../test-support/browser/harness';

/** The extension API as the service worker and extension pages see it (only what this file calls). */
declare const chrome: {
  storage: { local: { set(items: object): Promise<void>; get(key: string): Promise<Record<string, unknown>> } };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
};

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(() => h?.close());

describe('the harness’s faults, as other tests use them', () => {
  it('stops the service worker, which the browser starts again when the extension is needed', async () => {
    const before = await currentServiceWorker(h);
    await before.evaluate(() => {
      (globalThis as { inMemory?: string }).inMemory = 'lost when stopped';
    });
    await stopServiceWorker(h);

    // Any message to the background wakes it (it listens for the pad's referrals).
    const page = await openExtensionPage(h, 'pad.html');
    await page.evaluate(() => chrome.runtime.sendMessage({ type: 'wake-up' }).catch(() => undefined));
    const after = await currentServiceWorker(h);
    expect(await after.evaluate(() => (globalThis as { inMemory?: string }).inMemory ?? 'fresh')).toBe('fresh');
    await page.close();
  });

  it('kills the browser and starts it again on the same profile, with what was stored', async () => {
    const worker = await currentServiceWorker(h);
    await worker.evaluate(() => chrome.storage.local.set({ harness: 'kept across a killed browser' }));
    await killBrowser(h);
    const again = await relaunch(h);
    try {
      const stored = await (await currentServiceWorker(again)).evaluate(() => chrome.storage.local.get('harness'));
      expect(stored).toEqual({ harness: 'kept across a killed browser' });
      expect(again.extensionId).toBe(h.extensionId);
    } finally {
      await again.close();
    }
  });
});
