import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type Delivery, readDelivery } from './read-delivery';

/** Reads a delivery's body (server/fhir/read-delivery.ts), on this thread or on a reader thread. */
export type ReadDelivery = (text: string, receivedAt: number) => Promise<Delivery>;

/** On this thread: for tests, tools and one-core machines. */
export const readHere: ReadDelivery = async (text, receivedAt) => readDelivery(text, receivedAt);

/** One reader thread where there is a second core for it: the request thread keeps HTTP and the database. */
export const DEFAULT_READERS = availableParallelism() > 1 ? 1 : 0;

type Held = {
  text: string;
  receivedAt: number;
  reader: number;
  resolve: (delivery: Delivery) => void;
  reject: (error: Error) => void;
};

/**
 * Reading a Bundle (JSON, its FHIR shape, the referral's rules, the hashes) was a third of the request thread's work per
 * delivery; on reader threads it runs beside the database, which must stay on the thread that opened it. With
 * `count` 0 it runs here. A reader that fails is replaced; the deliveries it held fail (the caller answers 500, and
 * the outbox sends again). If the readers cannot start at all, deliveries are read here, and the log says so once.
 */
export function startReaders(count: number, heapMb = 256): { read: ReadDelivery; close: () => Promise<void> } {
  if (count === 0) return { read: readHere, close: async () => {} };
  const held = new Map<number, Held>();
  let next = 0;
  let closing = false;
  let here = false;

  const settleHeld = (reader: number, settle: (delivery: Held) => void) => {
    for (const [id, delivery] of held)
      if (delivery.reader === reader) {
        held.delete(id);
        settle(delivery);
      }
  };

  const start = (reader: number): Worker => {
    // The worker is TypeScript, like the service: it registers tsx's loader before it imports the reader.
    const worker = new Worker(
      `import(${JSON.stringify(TSX_API)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(READER_URL)}); });`,
      // A body is at most a few hundred kilobytes: a reader that needs more heap than this has met something wrong.
      { eval: true, resourceLimits: { maxOldGenerationSizeMb: heapMb } },
    );
    let ready = false;
    let failure: Error | undefined;
    worker.unref();
    worker.on('message', (message: { ready: true } | { id: number; delivery: Delivery }) => {
      if ('ready' in message) {
        ready = true;
        return;
      }
      const delivery = held.get(message.id);
      held.delete(message.id);
      delivery?.resolve(message.delivery);
    });
    worker.on('error', (error) => {
      failure = error;
    });
    worker.on('exit', (code) => {
      if (closing) return settleHeld(reader, (delivery) => delivery.reject(new Error('The readers are closed.')));
      if (!ready) {
        // It never started (a broken install, too little memory): what it held did not stop it.
        if (!here)
          console.error(`queue: reader threads could not start (${failure?.message ?? `exit ${code}`}); reading here`);
        here = true;
        return settleHeld(reader, (delivery) => delivery.resolve(readDelivery(delivery.text, delivery.receivedAt)));
      }
      const why = failure ?? new Error(`A reader thread stopped (exit code ${code}).`);
      settleHeld(reader, (delivery) => delivery.reject(why));
      workers[reader] = start(reader);
    });
    return worker;
  };
  const workers = Array.from({ length: count }, (_, reader) => start(reader));

  return {
    read: (text, receivedAt) =>
      new Promise((resolve, reject) => {
        if (closing) return reject(new Error('The readers are closed.'));
        if (here) return resolve(readDelivery(text, receivedAt));
        const id = next++;
        const reader = id % count;
        held.set(id, { text, receivedAt, reader, resolve, reject });
        workers[reader]?.postMessage({ id, text, receivedAt });
      }),
    close: async () => {
      closing = true;
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

const TSX_API = import.meta.resolve('tsx/esm/api');
const READER_URL = new URL('./read-worker.ts', import.meta.url).href;
