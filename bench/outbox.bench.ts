import { randomUUID } from 'node:crypto';
import { queuedRow } from '../app/background/outbox/enqueue';
import { referralSchema } from '../domain/referral/referral';
import { service } from '../server/context';
import { type RunningServer, startServer } from '../server/serve';
import { buildTestExtension } from '../test-support/browser/build';
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
} from '../test-support/browser/outbox-browser';
import { richReferral } from '../test-support/fixtures/referrals';
import { type Queue, startQueue } from '../test-support/queue/queue';
import { median, medianMicroseconds } from './measure';
import type { RecordMetric } from './run';

/** Referrals waiting in each round of the drain measurement. */
const WAITING = 500;
/** Sends timed, each from a new pad. */
const SENDS = 21;

/**
 * The outbox in Chromium with the tests' build of the extension (made first: test-support/browser/build.ts), sending
 * to the real queue service (Hono on PGlite in memory, in this process) on 127.0.0.1:
 * - send-to-commit: from the Send click to the row committed: the moment the worker's strict read-write transaction
 *   (the referral's row and Bundle) fires `complete`, marked in the worker on the same clock as the click. That is the
 *   commit itself; the answer reaching the pad comes about 1.5 ms later, and "Saved" after that;
 * - send-to-saved-shown: from the Send click to "Saved" painted (the pad says it only once the row is committed, HO1):
 *   the heading in the DOM, then the next animation frame, then a task after it (the frame's paint is done by then);
 *   one frame at 60 Hz is the goal.
 * Where a Send's time goes is printed after them (printSendBreakdown);
 * - drain-throughput: referrals that waited while the queue was down (every one tried once and refused a connection),
 *   delivered per second once the queue is back and the network returns (a page's `online` event, relayed to the
 *   worker), counted in the service's database: exactly that many stored, each once.
 * The service's per-token rate limit is off: it is the drain being measured (500 fit its default burst anyway).
 */
export async function measure(record: RecordMetric): Promise<undefined> {
  // Playwright records the worker's network traffic by default (every request and response sent over DevTools to this
  // process): a GP's browser has nothing watching it, and on this machine that cost about a fifth of the browser's CPU time in a drain.
  process.env.PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK ??= '1';
  buildTestExtension('ignore');
  const queue = await startQueue('pglite');
  const returning = await queueThatComesBack(queue);
  const profile = newProfile();
  const browser = await launchOn(profile);
  try {
    await useQueue(browser, returning.endpoint, queue.tokens.L81001);
    // Every Send is watched (the worker's marks are the commit's time); the watch is put in before the first Send: put
    // in after it, it saw no transaction of Dexie's.
    await watchWorker(browser);
    const sends: SendTimes[] = [];
    for (let i = 0; i < SENDS; i++) sends.push(await timeSend(browser));
    const committed = sends.filter((s) => Number.isFinite(s.committed));
    // A worker restarted mid-bench loses its watch for that Send: those Sends are left out, never more than a few.
    if (committed.length < SENDS / 2) throw new Error(`Only ${committed.length} of ${SENDS} Sends' commits were seen.`);
    record('outbox.send-to-commit', {
      value: median(committed.map((s) => s.committed - s.clicked)),
      unit: 'ms',
      goal: 10,
      better: 'lower',
    });
    record('outbox.send-to-saved-shown', {
      value: median(sends.map((s) => s.shown - s.clicked)),
      unit: 'ms',
      goal: 16,
      better: 'lower',
    });
    await unwatchWorker(browser);
    await printSendBreakdown(browser, sends);
    const throughput: number[] = [];
    for (let round = 0; round < 3; round++) throughput.push(await drainAfterReconnect(browser, queue, returning));
    console.log(`outbox bench: drain rounds ${throughput.map((rate) => rate.toFixed(0)).join(', ')} referrals/s`);
    record('outbox.drain-throughput', { value: median(throughput), unit: 'referrals/s', goal: 100, better: 'higher' });
    return undefined;
  } finally {
    await browser.context.close().catch(() => undefined);
    await returning.down();
    await queue.stop();
    removeProfile(profile);
  }
}

/**
 * A second HTTP server on the seeded queue's database, on a port of its own that it can leave and come back to:
 * while it is down a connection to the endpoint is refused, as with a stopped service.
 */
async function queueThatComesBack(queue: Queue) {
  const app = service(queue.db, { rateLimit: { perMinute: 0, burst: 0 } });
  let server: RunningServer | undefined = await startServer(app, { port: 0, hostname: '127.0.0.1' });
  const port = Number(new URL(server.url).port);
  return {
    endpoint: `${server.url}/fhir`,
    async up() {
      server ??= await startServer(app, { port, hostname: '127.0.0.1' });
    },
    async down() {
      await server?.close();
      server = undefined;
    },
  };
}

/**
 * One Send, on one clock (each context's `performance.timeOrigin + now()`, in ms): the click, the pad's `pad:enqueue`
 * message leaving, the worker receiving it, the outbox's IndexedDB transaction created and committed (strict), the
 * answer back in the pad, "Saved" in the pad's DOM, and "Saved" painted.
 */
type SendTimes = {
  clicked: number;
  asked: number;
  received: number;
  txCreated: number;
  committed: number;
  answered: number;
  saved: number;
  shown: number;
};

/**
 * Watches the worker for the breakdown (the bench's own listeners; the extension's code is unchanged): when a
 * `pad:enqueue` arrives, and when the outbox's strict read-write IndexedDB transaction is created and committed.
 * Runs again after a worker restart (the marks are then missing for that Send).
 */
async function watchWorker(browser: OutboxBrowser): Promise<void> {
  const worker = browser.context
    .serviceWorkers()
    .find((w) => w.url().startsWith(`chrome-extension://${browser.extensionId}/`));
  await worker?.evaluate(() => {
    const scope = globalThis as unknown as {
      benchMarks?: { received: number[]; transactions: { created: number; committed?: number }[] };
      chrome: { runtime: { onMessage: { addListener(f: (m: unknown) => undefined): void } } };
    };
    if (scope.benchMarks) return;
    const marks = { received: [] as number[], transactions: [] as { created: number; committed?: number }[] };
    scope.benchMarks = marks;
    scope.chrome.runtime.onMessage.addListener((message) => {
      if ((message as { type?: string })?.type === 'pad:enqueue')
        marks.received.push(performance.timeOrigin + performance.now());
      return undefined;
    });
    const transaction = IDBDatabase.prototype.transaction;
    (scope as { benchUnwatch?: () => void }).benchUnwatch = () => {
      IDBDatabase.prototype.transaction = transaction;
    };
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
      const tx = transaction.apply(this, args);
      const stores = [args[0]].flat();
      // The Send's write: the outbox's referrals and bundles, read-write, strict (the drain's writes are relaxed).
      const strict = args[2]?.durability === 'strict';
      if (args[1] === 'readwrite' && strict && stores.includes('referrals') && stores.includes('bundles')) {
        const mark: { created: number; committed?: number } = { created: performance.timeOrigin + performance.now() };
        marks.transactions.push(mark);
        tx.addEventListener('complete', () => {
          mark.committed = performance.timeOrigin + performance.now();
        });
      }
      return tx;
    };
  });
}

/** Takes the bench's IndexedDB watch out of the worker again, so that the drain below runs as it would unwatched. */
async function unwatchWorker(browser: OutboxBrowser): Promise<void> {
  const worker = browser.context
    .serviceWorkers()
    .find((w) => w.url().startsWith(`chrome-extension://${browser.extensionId}/`));
  await worker?.evaluate(() => {
    const scope = globalThis as unknown as { benchUnwatch?: () => void };
    scope.benchUnwatch?.();
  });
}

/** The worker's marks since the last call (and forgets them). */
async function workerMarks(
  browser: OutboxBrowser,
): Promise<{ received: number; txCreated: number; committed: number }> {
  const worker = browser.context
    .serviceWorkers()
    .find((w) => w.url().startsWith(`chrome-extension://${browser.extensionId}/`));
  const marks = await worker?.evaluate(() => {
    const scope = globalThis as unknown as {
      benchMarks?: { received: number[]; transactions: { created: number; committed?: number }[] };
    };
    const taken = scope.benchMarks && {
      received: scope.benchMarks.received[0],
      transaction: scope.benchMarks.transactions[0],
    };
    // Emptied in place: the listeners hold these arrays.
    scope.benchMarks?.received.splice(0);
    scope.benchMarks?.transactions.splice(0);
    return taken;
  });
  return {
    received: marks?.received ?? Number.NaN,
    txCreated: marks?.transaction?.created ?? Number.NaN,
    committed: marks?.transaction?.committed ?? Number.NaN,
  };
}

/**
 * One Send timed inside the pad page: the click, the pad's `pad:enqueue` message leaving (its `runtime.sendMessage`,
 * which the webextension-polyfill calls with a callback) and its answer coming back, "Saved" in the DOM and painted;
 * with the worker's marks for the same Send.
 */
async function timeSend(browser: OutboxBrowser): Promise<SendTimes> {
  // Put in again after a worker restart (it then has none); the marks of the pad's start-up asks are dropped.
  await watchWorker(browser);
  const pad = await fillPad(browser);
  await workerMarks(browser);
  const inPad = await pad.evaluate(
    () =>
      new Promise<Omit<SendTimes, 'received' | 'txCreated' | 'committed'>>((resolve) => {
        // No named functions in here: tsx would wrap them in a helper the page does not have.
        const runtime = (
          globalThis as unknown as { chrome: { runtime: { sendMessage: (...a: unknown[]) => unknown } } }
        ).chrome.runtime;
        const original = runtime.sendMessage;
        let asked = Number.NaN;
        let answered = Number.NaN;
        runtime.sendMessage = (...args: unknown[]) => {
          if ((args[0] as { type?: string })?.type !== 'pad:enqueue') return original.apply(runtime, args);
          asked = performance.timeOrigin + performance.now();
          const last = args.at(-1);
          if (typeof last === 'function') {
            args[args.length - 1] = (...reply: unknown[]) => {
              answered = performance.timeOrigin + performance.now();
              return last(...reply);
            };
            return original.apply(runtime, args);
          }
          const sent = original.apply(runtime, args) as Promise<unknown>;
          void sent.finally(() => {
            answered = performance.timeOrigin + performance.now();
          });
          return sent;
        };
        const clicked = performance.timeOrigin + performance.now();
        let saved = Number.NaN;
        new MutationObserver((_, observer) => {
          if (![...document.querySelectorAll('h1, h2, h3')].some((h) => h.textContent?.startsWith('Saved'))) return;
          observer.disconnect();
          saved = performance.timeOrigin + performance.now();
        }).observe(document.body, { childList: true, subtree: true, characterData: true });
        // Every frame's callback is asked for a frame ahead, so it runs before any the pad asks for while rendering
        // "Saved"; the first frame after "Saved" is in the DOM draws it, and a task posted from that frame's callback
        // runs once it is drawn, ahead of the pad's own after-paint work. (An array, not a named function: see above.)
        const frame = [
          () => {
            if (Number.isNaN(saved)) return void requestAnimationFrame(frame[0] as () => void);
            const after = new MessageChannel();
            after.port1.onmessage = () =>
              resolve({ clicked, asked, answered, saved, shown: performance.timeOrigin + performance.now() });
            after.port2.postMessage(undefined);
          },
        ];
        requestAnimationFrame(frame[0] as () => void);
        [...document.querySelectorAll('button')].find((b) => b.textContent?.includes('Send referral'))?.click();
      }),
  );
  const times = { ...inPad, ...(await workerMarks(browser)) };
  await pad.close();
  return times;
}

/**
 * Where a Send's time goes (printed, not goals), from the marks of each Send; and, in the same browser and the
 * extension's own origin, a message's round trip to the worker with next to no work (`pad:outbox-state`), and an
 * IndexedDB write of one small record committed with strict durability (the flush to disk "Saved" waits for) and with
 * relaxed, each on its own; and the background's own work on a referral (zod, the row and Bundle), timed in Node.
 */
async function printSendBreakdown(browser: OutboxBrowser, sends: SendTimes[]): Promise<void> {
  // A Send whose worker restarted has no worker marks: left out of the steps that need them.
  const of = (from: keyof SendTimes, to: keyof SendTimes) =>
    median(sends.map((s) => s[to] - s[from]).filter(Number.isFinite)).toFixed(1);
  const entries = Array.from({ length: 40 }, () => queuedRow({ ...richReferral, id: randomUUID() }, Date.now()));
  const isolated = await browser.page.evaluate(async (outboxEntries) => {
    // No named functions in here (tsx helpers); one database of the bench's own beside the outbox.
    const chrome = (
      globalThis as unknown as {
        chrome: {
          runtime: { sendMessage(m: object): Promise<unknown> };
          storage: { local: { set(items: object): Promise<void>; remove(key: string): Promise<void> } };
        };
      }
    ).chrome;
    const hops: number[] = [];
    for (let i = 0; i < 15; i++) {
      const start = performance.now();
      await chrome.runtime.sendMessage({ type: 'pad:outbox-state' });
      hops.push(performance.now() - start);
    }
    const db = await new Promise<IDBDatabase>((done, fail) => {
      const open = indexedDB.open('bench-durability', 1);
      open.onupgradeneeded = () => {
        open.result.createObjectStore('rows');
        // The outbox's own stores and indexes (app/background/outbox/schema.ts), for a write of a real row and Bundle.
        const referrals = open.result.createObjectStore('referrals', { keyPath: 'id' });
        for (const index of ['status', 'nhsNumber', 'createdAt', 'deliveredAt', 'pollAt', 'practice']) {
          referrals.createIndex(index, index);
        }
        referrals.createIndex('[status+nextAttemptAt]', ['status', 'nextAttemptAt']);
        referrals.createIndex('[status+leaseUntil]', ['status', 'leaseUntil']);
        open.result.createObjectStore('bundles', { keyPath: 'id' });
      };
      open.onsuccess = () => done(open.result);
      open.onerror = () => fail(open.error);
    });
    const writes = { strict: [] as number[], relaxed: [] as number[] };
    for (let i = 0; i < 30; i++) {
      for (const durability of ['strict', 'relaxed'] as const) {
        const start = performance.now();
        await new Promise<void>((done, fail) => {
          const tx = db.transaction('rows', 'readwrite', { durability });
          tx.objectStore('rows').put({ id: i, status: 'queued', at: Date.now() }, `${durability}-${i}`);
          tx.oncomplete = () => done();
          tx.onabort = () => fail(tx.error);
        });
        writes[durability].push(performance.now() - start);
      }
    }
    // Every other write follows a dozen extension storage writes of a draft's size, as typing into the pad makes just
    // before Send (each edit is stored at once, P2): whether unsynced writes just before make the strict commit slower.
    const outboxWrites: number[] = [];
    const afterStorage: number[] = [];
    for (const [i, entry] of outboxEntries.entries()) {
      if (i % 2) {
        for (let edit = 0; edit < 12; edit++) await chrome.storage.local.set({ 'bench-draft': { edit, ...entry } });
      }
      const start = performance.now();
      await new Promise<void>((done, fail) => {
        const tx = db.transaction(['referrals', 'bundles'], 'readwrite', { durability: 'strict' });
        tx.objectStore('referrals').add(entry.row);
        tx.objectStore('bundles').add(entry.bundle);
        tx.oncomplete = () => done();
        tx.onabort = () => fail(tx.error);
      });
      (i % 2 ? afterStorage : outboxWrites).push(performance.now() - start);
    }
    db.close();
    indexedDB.deleteDatabase('bench-durability');
    await chrome.storage.local.remove('bench-draft');
    return { hops, writes, outboxWrites, afterStorage };
  }, entries);
  const parse = medianMicroseconds(() => referralSchema.safeParse(richReferral), { rounds: 21, batch: 50 }) / 1000;
  const build = medianMicroseconds(() => queuedRow(richReferral, Date.now()), { rounds: 21, batch: 50 }) / 1000;
  console.log(
    `outbox bench: Send, medians of ${sends.length}: click to "Saved" painted ${of('clicked', 'shown')} ms: the pad to its ask ` +
      `${of('clicked', 'asked')}, the message to the worker ${of('asked', 'received')}, the worker to its transaction ` +
      `${of('received', 'txCreated')}, the transaction to its strict commit ${of('txCreated', 'committed')}, the commit ` +
      `to the answer in the pad ${of('committed', 'answered')}, the answer to "Saved" in the DOM ${of('answered', 'saved')}, ` +
      `then painted ${of('saved', 'shown')}`,
  );
  console.log(
    `outbox bench: in isolation: a message's round trip to the worker ${median(isolated.hops).toFixed(1)} ms;` +
      ` an IndexedDB write committed strict ${median(isolated.writes.strict).toFixed(1)} ms,` +
      ` relaxed ${median(isolated.writes.relaxed).toFixed(1)} ms; a referral's row and Bundle written as the outbox` +
      ` writes them (strict) ${median(isolated.outboxWrites).toFixed(1)} ms, or right after a dozen storage writes` +
      ` of a draft ${median(isolated.afterStorage).toFixed(1)} ms; in Node: a referral parsed with zod` +
      ` ${parse.toFixed(2)} ms, its row and Bundle built ${build.toFixed(2)} ms`,
  );
}

async function drainAfterReconnect(
  browser: OutboxBrowser,
  queue: Queue,
  returning: Awaited<ReturnType<typeof queueThatComesBack>>,
): Promise<number> {
  // Whatever was sent before (the timed Sends) is delivered first, so that the count below is only this round's.
  await until(async () => (await outboxRows(browser)).every((row) => row.status === 'delivered'));
  await returning.down();
  const rows = Array.from({ length: WAITING }, () => queuedRow({ ...richReferral, id: randomUUID() }, Date.now()));
  const ids = rows.map(({ row }) => row.id);
  await putRows(browser, rows);
  await tellDrain(browser);
  // Every row tried once and waiting out its backoff, as after a spell offline.
  const waiting = new Set(ids);
  await until(
    async () =>
      (await outboxRows(browser)).filter((row) => waiting.has(row.id) && row.attempts > 0 && row.status === 'queued')
        .length === WAITING,
  );
  await returning.up();
  const before = await storedCount(queue);
  const start = performance.now();
  await browser.page.evaluate(() =>
    (
      globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }
    ).chrome.runtime.sendMessage({ type: 'outbox:online' }),
  );
  // The whole table's count is the cheapest question to ask the service's database every 20 ms while it ingests.
  await until(async () => (await storedCount(queue)) - before >= WAITING, 20);
  const rate = WAITING / ((performance.now() - start) / 1000);
  // What the service holds once the outbox has settled: each referral once (its id is the table's key), none missing.
  await until(
    async () =>
      (await outboxRows(browser)).filter((row) => waiting.has(row.id) && row.status === 'delivered').length === WAITING,
  );
  const stored = await storedOf(queue, ids);
  const added = (await storedCount(queue)) - before;
  if (stored !== WAITING || added !== WAITING) {
    throw new Error(`The queue stored ${stored} of the ${WAITING} referrals that waited (${added} rows added).`);
  }
  return rate;
}

async function storedCount(queue: Queue): Promise<number> {
  const rows = await queue.db.query<{ n: number }>('SELECT count(*)::int AS n FROM referral');
  return rows[0]?.n ?? -1;
}

async function storedOf(queue: Queue, ids: string[]): Promise<number> {
  const rows = await queue.db.query<{ n: number }>('SELECT count(*)::int AS n FROM referral WHERE id = ANY($1)', [ids]);
  return rows[0]?.n ?? -1;
}

async function until(condition: () => boolean | Promise<boolean>, everyMs = 50): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('The outbox bench waited two minutes for a condition.');
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
