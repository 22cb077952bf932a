import { browser } from 'wxt/browser';
import { z } from 'zod';

/** What extension pages tell the background about the outbox. Parsed there: anything else is ignored. */
export const outboxMessageSchema = z.discriminatedUnion('type', [
  /** A referral was enqueued (or resent): drain now. */
  z.object({ type: z.literal('outbox:drain') }),
  /** The pad shows the sent list: ask the queue for the link workers' statuses now. */
  z.object({ type: z.literal('outbox:refresh') }),
  /** A page saw the network come back (service workers are not told): send what waits now. */
  z.object({ type: z.literal('outbox:online') }),
]);
export type OutboxMessage = z.output<typeof outboxMessageSchema>;

/** Best effort: the alarm and start-up drains catch anything a lost message misses. */
export function tellBackground(message: OutboxMessage): void {
  try {
    browser.runtime.sendMessage(message).catch(() => {});
  } catch {
    // No background to tell (e.g. unit tests): the row is committed either way.
  }
}

/**
 * Tells the background when this page sees the network come back: Chrome gives extension pages the window's `online`
 * event but not the service worker. Call from each extension page that stays open (the pad); returns a stop function.
 */
export function relayOnline(target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window): () => void {
  const listener = () => tellBackground({ type: 'outbox:online' });
  target.addEventListener('online', listener);
  return () => target.removeEventListener('online', listener);
}
