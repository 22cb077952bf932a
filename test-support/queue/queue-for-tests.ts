import { afterAll, beforeAll } from 'vitest';
import { type Queue, startQueue } from './queue';

/**
 * The real queue service on the embedded database, for the tests of the file or describe block it is called in:
 * started before them and stopped after. Its fields are set once the tests start.
 */
export function queueForTests(options: Parameters<typeof startQueue>[1] = {}): Readonly<Queue> {
  const queue = {} as Queue;
  beforeAll(async () => {
    Object.assign(queue, await startQueue('pglite', options));
  });
  afterAll(async () => {
    await queue.stop?.();
  });
  return queue;
}
