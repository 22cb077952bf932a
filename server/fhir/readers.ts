import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type Delivery, readDelivery } from './read-delivery';

/** Reads a delivery's body (server/fhir/read-delivery.ts), on this thread or on a reader thread. */
export type ReadDelivery = (text: string) => Promise<Delivery>;

/** On this thread: for tests, tools and one-core machines. */
export const readHere: ReadDelivery = async (text) => readDelivery(text);

/** One reader thread where there is a second core for it: the request thread keeps HTTP and the database. */
export const DEFAULT_READERS = availableParallelism() > 1 ? 1 : 0;

type Pending = { resolve: (delivery: Delivery) => void; reject: (error: Error) => void };

/**
 * Reading a Bundle (JSON, its FHIR shape, the referral's rules, the hashes) was a third of the request thread's work per
 * delivery; on reader threads it runs beside the database, which must stay on the thread that opened it. With
 * `count` 0 it runs here. A reader that fails is replaced; the deliveries it held fail (the caller answers 500, and
 * the outbox sends again).
 */
export function startReaders(count: number, heapMb = 256): { read: ReadDelivery; close: () => Promise<void> } {
  if (count === 0) return { read: readHere, close: async () => {} };
  const pending = new Map<number, { pending: Pending; reader: number }>();
  let next = 0;
  let closing = false;

  const failHeld = (reader: number, error: Error) => {
    for (const [id, held] of pending)
      if (held.reader === reader) {
        pending.delete(id);
        held.pending.reject(error);
      }
  };

  const start = (reader: number): Worker => {
    // The worker is TypeScript, like the service: it registers tsx's loader before it imports the reader.
    const worker = new Worker(
      `import(${JSON.stringify(TSX_API)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(READER_URL)}); });`,
      // A body is at most a few hundred kilobytes: a reader that needs more heap than this has met something wrong.
      { eval: true, resourceLimits: { maxOldGenerationSizeMb: heapMb } },
    );
    worker.unref();
    worker.on('message', (message: { id: number; delivery: Delivery }) => {
      const held = pending.get(message.id);
      pending.delete(message.id);
      held?.pending.resolve(message.delivery);
    });
    worker.on('error', (error) => failHeld(reader, error));
    worker.on('exit', (code) => {
      failHeld(reader, new Error(`A reader thread stopped (exit code ${code}).`));
      if (!closing) workers[reader] = start(reader);
    });
    return worker;
  };
  const workers = Array.from({ length: count }, (_, reader) => start(reader));

  return {
    read: (text) =>
      new Promise((resolve, reject) => {
        if (closing) return reject(new Error('The readers are closed.'));
        const id = next++;
        const reader = id % count;
        pending.set(id, { pending: { resolve, reject }, reader });
        workers[reader]?.postMessage({ id, text });
      }),
    close: async () => {
      closing = true;
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

const TSX_API = import.meta.resolve('tsx/esm/api');
const READER_URL = new URL('./read-worker.ts', import.meta.url).href;
