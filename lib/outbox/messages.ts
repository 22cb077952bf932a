import { browser } from 'wxt/browser';
import { z } from 'zod';

/** What extension pages tell the background about the outbox. Parsed there: anything else is ignored. */
export const outboxMessageSchema = z.discriminatedUnion('type', [
  /** A referral was enqueued (or resent): drain now. */
  z.object({ type: z.literal('outbox:drain') }),
  /** The pad shows the sent list: ask the queue for the link workers' statuses now. */
  z.object({ type: z.literal('outbox:refresh') }),
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
