import { randomUUID } from 'node:crypto';
import { queuedRow } from '../lib/outbox/enqueue';
import {
  fillPad,
  launchOn,
  newProfile,
  type OutboxBrowser,
  outboxRows,
  putRows,
  removeProfile,
  tellDrain,
  useQueue,
} from '../tests/e2e/outbox-browser';
import { richReferral } from '../tests/fhir/referrals';
import { startFaultProxy } from '../tests/support/fault-proxy';
import { startStandInQueue } from '../tests/support/stand-in-queue';
import { median } from './measure';
import type { Metric } from './run';

/**
 * The outbox in Chromium with the built extension (build it first: `npx wxt build`):
 * - send-to-commit: from the Send click to the pad saying "Saved", which it says only once the row is committed with
 *   strict durability (so this includes the Bundle build, the commit and the pad's render of "Saved");
 * - drain-throughput: referrals waiting while the queue was unreachable, delivered per second once the network is back
 *   (a page's `online` event, relayed to the worker), counted at the receiving queue on 127.0.0.1.
 */
export async function measure(): Promise<Record<string, Metric>> {
  const queue = await startStandInQueue();
  const proxy = await startFaultProxy(queue.url);
  const profile = newProfile();
  const browser = await launchOn(profile);
  try {
    await useQueue(browser, proxy.url, queue.token);
    const sendToCommit: number[] = [];
    for (let i = 0; i < 15; i++) sendToCommit.push(await timeSend(browser));
    const throughput: number[] = [];
    for (let round = 0; round < 3; round++) throughput.push(await drainAfterReconnect(browser, queue, proxy, 300));
    return {
      'outbox.send-to-commit': { value: median(sendToCommit), unit: 'ms', goal: 30, better: 'lower' },
      'outbox.drain-throughput': { value: median(throughput), unit: 'referrals/s', goal: 100, better: 'higher' },
    };
  } finally {
    await browser.context.close().catch(() => undefined);
    await proxy.close();
    await queue.close();
    removeProfile(profile);
  }
}

/** Click to "Saved", timed inside the pad page. */
async function timeSend(browser: OutboxBrowser): Promise<number> {
  const pad = await fillPad(browser);
  const ms = await pad.evaluate(
    () =>
      new Promise<number>((resolve) => {
        // No named functions in here: tsx would wrap them in a helper the page does not have.
        const start = performance.now();
        new MutationObserver((_, observer) => {
          if (![...document.querySelectorAll('h1, h2, h3')].some((h) => h.textContent?.startsWith('Saved'))) return;
          observer.disconnect();
          resolve(performance.now() - start);
        }).observe(document.body, { childList: true, subtree: true, characterData: true });
        [...document.querySelectorAll('button')].find((b) => b.textContent?.includes('Send referral'))?.click();
      }),
  );
  await pad.close();
  return ms;
}

async function drainAfterReconnect(
  browser: OutboxBrowser,
  queue: Awaited<ReturnType<typeof startStandInQueue>>,
  proxy: Awaited<ReturnType<typeof startFaultProxy>>,
  count: number,
): Promise<number> {
  await proxy.down();
  const rows = Array.from({ length: count }, () => queuedRow({ ...richReferral, id: randomUUID() }, Date.now()));
  await putRows(browser, rows);
  await tellDrain(browser);
  // Every row tried once and waiting out its backoff, as after a spell offline.
  const ids = new Set(rows.map(({ row }) => row.id));
  await until(
    async () =>
      (await outboxRows(browser)).filter((row) => ids.has(row.id) && row.attempts > 0 && row.status === 'queued')
        .length === count,
  );
  await proxy.up();
  const before = queue.created.length;
  const start = performance.now();
  await browser.page.evaluate(() =>
    (
      globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }
    ).chrome.runtime.sendMessage({ type: 'outbox:online' }),
  );
  await until(() => queue.created.length - before >= count, 5);
  return count / ((performance.now() - start) / 1000);
}

async function until(condition: () => boolean | Promise<boolean>, everyMs = 50): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('The outbox bench waited two minutes for a condition.');
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
