import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ukTime } from '../../domain/clock/uk-time';
import { referralReference } from '../../domain/referral/reference';
import {
  badge,
  launchOn,
  newProfile,
  type OutboxBrowser,
  removeProfile,
  row,
  sendFromPad,
  tellDrain,
  useQueue,
} from '../../test-support/browser/outbox-browser';

/**
 * A referral the queue never answers for: sent from the pad in Chromium to a queue nothing listens on (port 9), then
 * the clock moved on an hour. The service worker's clock cannot be moved from outside, so the hour is moved in the
 * row: its saved time is put back 61 minutes, which is all the rule reads of time (domain/outbox/overdue.ts).
 */
const UNREACHABLE = 'http://127.0.0.1:9/fhir';
const MINUTE = 60_000;
let browser: OutboxBrowser;
const profile = newProfile();

beforeAll(async () => {
  browser = await launchOn(profile);
  await useQueue(browser, UNREACHABLE, 'practice-token');
});

afterAll(async () => {
  await browser?.context.close().catch(() => undefined);
  removeProfile(profile);
});

/** Moves the referral's saved time back, in one IndexedDB transaction (the drain re-reads a row before it writes). */
async function savedEarlier(id: string, ms: number): Promise<number> {
  return browser.page.evaluate(
    ({ id, ms }) =>
      new Promise<number>((done, fail) => {
        const open = indexedDB.open('outbox');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('referrals', 'readwrite', { durability: 'strict' });
          const store = tx.objectStore('referrals');
          const get = store.get(id);
          let at = 0;
          get.onsuccess = () => {
            const stored = get.result;
            at = stored.createdAt - ms;
            stored.createdAt = at;
            stored.trail[0].at = at;
            store.put(stored);
          };
          tx.oncomplete = () => {
            db.close();
            done(at);
          };
          tx.onabort = () => fail(tx.error);
        };
      }),
    { id, ms },
  );
}

type Chrome = {
  chrome: { action: { getTitle(d: object): Promise<string>; getBadgeBackgroundColor(d: object): Promise<number[]> } };
};
const title = () => browser.page.evaluate(() => (globalThis as unknown as Chrome).chrome.action.getTitle({}));
const colour = () =>
  browser.page.evaluate(() => (globalThis as unknown as Chrome).chrome.action.getBadgeBackgroundColor({}));

/** The pad beside a consultation with this patient's NHS number typed in: its Sent referrals panel. */
async function padFor(nhsNumber: string): Promise<Page> {
  const pad = await browser.context.newPage();
  await pad.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
  await pad.getByLabel('NHS number', { exact: true }).fill(nhsNumber);
  return pad;
}

describe('a referral still not delivered after an hour', () => {
  it('is Needs attention with the reason on the pad and the badge, and is still tried', async () => {
    const id = await sendFromPad(browser);
    const reference = referralReference(id);
    await expect
      .poll(() => row(browser, id), { timeout: 30_000 })
      .toMatchObject({ status: 'queued', lastError: expect.stringMatching(/could not be reached/) });
    // Within the hour: only waiting (the badge counts it, grey; its tooltip says nothing needs attention).
    await expect.poll(() => badge(browser)).toBe('1');
    expect(await title()).toBe('Social Prescribing Pad\n1 waiting to send.');

    const savedAt = await savedEarlier(id, 61 * MINUTE);
    await tellDrain(browser);
    const reason =
      `Not delivered after 1 hour: the queue at 127.0.0.1:9 has not answered since ${ukTime(savedAt, Date.now())} — ` +
      'The queue service could not be reached; it will be tried again.';
    await expect.poll(title).toBe(`Social Prescribing Pad\n1 referral needs attention:\n${reference}: ${reason}`);
    expect(await badge(browser)).toBe('1');
    expect(await colour()).toEqual([213, 40, 27, 255]);

    // The pad: the panel opens by itself, the referral says why, and Send again is offered.
    const pad = await padFor('943 476 5919');
    await expect.poll(() => pad.locator('#pad-sent-panel').getAttribute('open')).not.toBeNull();
    await expect
      .poll(() => pad.locator('#pad-sent-panel summary').textContent())
      .toContain('1 for this patient · 1 needs attention');
    const item = pad.getByRole('region', { name: 'This patient' }).locator('.pad-sent-item', { hasText: reference });
    await expect.poll(() => item.locator('.pad-sent-state').textContent()).toBe(`Needs attention: ${reason}`);

    // Not cancelled: Send again tries it at once, and it stays in the outbox, waiting.
    const { attempts } = (await row(browser, id)) ?? { attempts: 0 };
    await item.getByRole('button', { name: `Send ${reference} again` }).click();
    await expect
      .poll(async () => (await row(browser, id))?.attempts ?? 0, { timeout: 30_000 })
      .toBeGreaterThan(attempts);
    expect(await row(browser, id)).toMatchObject({ status: 'queued' });
    await expect.poll(() => item.locator('.pad-sent-state').textContent()).toMatch(/^Needs attention: Not delivered/);
    await pad.close();
  });
});
