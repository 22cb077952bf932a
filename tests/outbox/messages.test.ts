import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { outboxMessageSchema, relayOnline } from '../../app/shared/messaging/outbox-messages';

describe('messages to the background', () => {
  beforeEach(() => fakeBrowser.reset());

  it('a page relays the network coming back, until stopped', async () => {
    const received: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      received.push(message);
    });
    const stop = relayOnline(window);
    window.dispatchEvent(new Event('online'));
    await expect.poll(() => received).toEqual([{ type: 'outbox:online' }]);
    stop();
    window.dispatchEvent(new Event('online'));
    window.dispatchEvent(new Event('offline'));
    expect(received).toHaveLength(1);
  });

  it('the background reads only the outbox’s own messages', () => {
    expect(outboxMessageSchema.safeParse({ type: 'outbox:drain' }).success).toBe(true);
    expect(outboxMessageSchema.safeParse({ type: 'outbox:delete-everything' }).success).toBe(false);
    expect(outboxMessageSchema.safeParse('outbox:drain').success).toBe(false);
  });
});
