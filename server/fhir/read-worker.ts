import { parentPort } from 'node:worker_threads';
import { readDelivery } from './read-delivery';

/** A reader thread (server/fhir/readers.ts): reads each delivery it is sent and answers with what it read. */
parentPort?.on('message', (message: { id: number; text: string; receivedAt: number }) => {
  parentPort?.postMessage({ id: message.id, delivery: readDelivery(message.text, message.receivedAt) });
});
// Loaded: from now on a reader that stops was stopped by what it read, and is replaced.
parentPort?.postMessage({ ready: true });
