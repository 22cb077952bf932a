import { afterAll, beforeAll } from 'vitest';
import { type FaultProxy, startFaultProxy } from './fault-proxy';
import { type StandInQueue, startStandInQueue } from './stand-in-queue';

export type QueueBehindProxy = { queue: StandInQueue; proxy: FaultProxy };

/**
 * A stand-in queue on 127.0.0.1 behind a proxy that fails on demand, for the tests of the file or describe block it is
 * called in: started before them and closed after. Its fields are set once the tests start.
 */
export function standInQueueBehindProxy(): Readonly<QueueBehindProxy> {
  const both = {} as QueueBehindProxy;
  beforeAll(async () => {
    both.queue = await startStandInQueue();
    both.proxy = await startFaultProxy(both.queue.url);
  });
  afterAll(async () => {
    await both.proxy?.close();
    await both.queue?.close();
  });
  return both;
}
