import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { killBrowser } from '../../test-support/browser/harness';
import {
  badge,
  launchOn,
  newProfile,
  type OutboxBrowser,
  removeProfile,
  row,
  sendFromPad,
  stopServiceWorker,
  useQueue,
} from '../../test-support/browser/outbox-browser';
import { type FaultProxy, startFaultProxy } from '../../test-support/queue/fault-proxy';
import { type RealQueue, startRealQueue } from '../../test-support/queue/real-queue';

/**
 * The outbox in the built extension, in Chromium, sending to the real queue service on 127.0.0.1 through a proxy that
 * fails on demand. Every referral is sent with the pad's Send; what counts is what the other end got: the POSTs that
 * reached the service and the referrals it stored — each referral once.
 */
let queue: RealQueue;
let proxy: FaultProxy;
let browser: OutboxBrowser;
const profile = newProfile();

/** Waits (by polling the outbox, never by sleeping) until the referral's row is as expected. */
async function until(id: string, expected: Record<string, unknown>, timeout = 45_000) {
  await expect.poll(() => row(browser, id), { timeout, interval: 100 }).toMatchObject(expected);
}

beforeAll(async () => {
  queue = await startRealQueue();
  proxy = await startFaultProxy(queue.url);
  browser = await launchOn(profile);
  await useQueue(browser, `${proxy.url}fhir`, queue.token);
});

afterAll(async () => {
  await browser?.context.close().catch(() => undefined);
  await proxy?.close();
  await queue?.stop();
  removeProfile(profile);
});

/** Sends a referral from the pad with the proxy in this mode, once its POST has reached the proxy. */
async function sendReaching(mode: FaultProxy['mode']): Promise<string> {
  proxy.mode = mode;
  const reached = proxy.nextRequest();
  const id = await sendFromPad(browser);
  await reached;
  return id;
}

/** The referral reaches the service: one POST got through, and the service stored it once. */
async function deliveredOnce(id: string): Promise<void> {
  await until(id, { status: 'delivered' });
  expect(proxy.forwarded.get(id)).toBe(1);
  expect(await queue.stored(id)).toHaveLength(1);
}

beforeEach(async () => {
  proxy.mode = 'pass';
  await proxy.up().catch(() => undefined);
});

describe('the outbox in the browser, under faults', () => {
  it('delivers a sent referral once, as FHIR the service can read, and clears the badge', async () => {
    const id = await sendFromPad(browser);
    await until(id, { status: 'delivered', attempts: 1 });
    expect(proxy.forwarded.get(id)).toBe(1);
    const stored = await queue.stored(id);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      id,
      patient: { nhsNumber: '9434765919', family: 'Smith' },
      needs: ['loneliness'],
    });
    expect(await row(browser, id)).toMatchObject({ serviceRequestId: id, taskId: id });
    await expect.poll(() => badge(browser)).toBe('');
  });

  it('queue down at Send, then up: kept, counted on the badge, delivered once', async () => {
    await proxy.down();
    const id = await sendFromPad(browser);
    await until(id, { status: 'queued', lastError: expect.stringMatching(/could not be reached/) });
    await expect.poll(() => badge(browser)).toBe('1');
    await proxy.up();
    await deliveredOnce(id);
    await expect.poll(() => badge(browser)).toBe('');
  });

  it('500s, then a queue that answers: retried with backoff, delivered once', async () => {
    proxy.mode = 'error';
    const id = await sendFromPad(browser);
    await expect
      .poll(async () => (await row(browser, id))?.attempts ?? 0, { timeout: 30_000 })
      .toBeGreaterThanOrEqual(2);
    expect(await row(browser, id)).toMatchObject({ status: 'queued', lastError: expect.stringMatching(/500/) });
    proxy.mode = 'pass';
    await deliveredOnce(id);
  });

  it('a queue that hangs: the request times out and is retried, delivered once', async () => {
    const id = await sendReaching('hang');
    await until(id, { status: 'queued', lastError: expect.stringMatching(/did not answer within 10 s/) });
    proxy.mode = 'pass';
    await deliveredOnce(id);
  });

  it('the service worker stopped mid-send (the service stored it, no answer came): delivered once after the lease', async () => {
    const id = await sendReaching('swallow');
    await expect.poll(async () => (await queue.stored(id)).length).toBe(1);
    await stopServiceWorker(browser);
    proxy.mode = 'pass';
    // A new Send wakes the worker (a real trigger); the stopped send's row waits out its lease, then is sent again.
    const next = await sendFromPad(browser);
    await until(next, { status: 'delivered' });
    await until(id, { status: 'delivered', attempts: 2 });
    expect(proxy.forwarded.get(id)).toBe(2); // the retry, answered from the service's record
    expect(await queue.stored(id)).toHaveLength(1);
    expect(proxy.forwarded.get(next)).toBe(1);
  });

  it('a 422: needs attention with the service’s reason, kept, counted on the badge, not retried; Send again in the pad delivers it once', async () => {
    proxy.mode = 'refuse';
    proxy.refusal = 'Practice L81001 has no agreement with this service.';
    const id = await sendFromPad(browser);
    await until(id, {
      status: 'needs-attention',
      attempts: 1,
      lastError:
        'The queue service refused the referral (HTTP 422): Practice L81001 has no agreement with this service.',
    });
    await expect.poll(() => badge(browser)).toBe('1');
    proxy.mode = 'pass';
    // Later drains (another Send) do not send it again.
    const next = await sendFromPad(browser);
    await until(next, { status: 'delivered' });
    expect(proxy.seen.refuse).toBe(1);
    expect(proxy.forwarded.has(id)).toBe(false);
    expect(await queue.stored(id)).toHaveLength(0);
    expect(await row(browser, id)).toMatchObject({ status: 'needs-attention', attempts: 1 });
    expect(await badge(browser)).toBe('1');

    // The GP sees it in the pad's Sent referrals, with the service's reason, and sends it again once it is fixed.
    const pad = await browser.context.newPage();
    await pad.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
    await pad.getByRole('heading', { name: 'Patient' }).waitFor();
    const reference = `SP-${id.replace(/-/g, '').slice(0, 4).toUpperCase()}-${id.replace(/-/g, '').slice(4, 8).toUpperCase()}`;
    await pad.getByText('Sent referrals', { exact: true }).click();
    const item = pad.locator('#pad-sent-this-practice ~ div .pad-sent-item', { hasText: reference });
    await expect
      .poll(() => item.locator('.pad-sent-state').textContent())
      .toBe(
        'Needs attention: The queue service refused the referral (HTTP 422): Practice L81001 has no agreement with this service.',
      );
    await item.getByRole('button', { name: `Send ${reference} again` }).click();
    await until(id, { status: 'delivered', attempts: 2 });
    await expect.poll(() => item.locator('.pad-sent-state').textContent()).toBe('Delivered — awaiting the link worker');
    expect(await item.getByRole('button').count()).toBe(0);
    expect(proxy.forwarded.get(id)).toBe(1);
    expect(await queue.stored(id)).toHaveLength(1);
    await expect.poll(() => badge(browser)).toBe('');
    await pad.close();
  });

  it('drains racing (many triggers at once, the network coming back): one POST per referral', async () => {
    await proxy.down();
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push(await sendFromPad(browser));
    await proxy.up();
    // Every trigger at once, from two pages: Send's drain message and a page seeing the network come back.
    const pages = [browser.page, await browser.context.newPage()];
    await pages[1]?.goto(`chrome-extension://${browser.extensionId}/pad.html`);
    await Promise.all(
      pages.map((page) =>
        page.evaluate(() => {
          const runtime = (
            globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }
          ).chrome.runtime;
          const types = ['outbox:drain', 'outbox:online'];
          return Promise.all(Array.from({ length: 10 }, (_, i) => runtime.sendMessage({ type: types[i % 2] })));
        }),
      ),
    );
    for (const id of ids) await until(id, { status: 'delivered' });
    for (const id of ids) expect(proxy.forwarded.get(id)).toBe(1);
    for (const id of ids) expect(await queue.stored(id)).toHaveLength(1);
    await pages[1]?.close();
  });

  it('the browser killed right after "Saved": the referral is delivered once after a restart on the same profile', async () => {
    proxy.mode = 'hang';
    const id = await sendFromPad(browser);
    await killBrowser(browser);
    proxy.mode = 'pass';
    browser = await launchOn(profile);
    await deliveredOnce(id);
  });
});
