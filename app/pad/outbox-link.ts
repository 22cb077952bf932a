import type { OutboxRow } from '../../domain/outbox/row';
import { ask, tell } from '../shared/messaging/ask';
import type { SentQuery } from '../shared/messaging/protocol';
import { receive } from '../shared/messaging/receive';

/**
 * The pad's view of the outbox, through the background. The framed pad is a third-party frame whose IndexedDB the
 * browser refuses ("The user denied permission to access the database" in Chromium), so everything it reads or
 * changes in the outbox is asked of the background, which owns the one outbox (the messages and their sender rules are
 * in app/shared/messaging/protocol.ts; the background's answers in app/background/answers.ts).
 */

/**
 * Whether the background can store referrals: false where IndexedDB is refused there (a private window, storage
 * turned off). Undefined when the background did not answer in a form we know: the pad then says nothing up front,
 * and Send still reports any failure.
 */
export async function askOutboxAvailable(): Promise<boolean | undefined> {
  return (await ask('pad:outbox-state', {}))?.available;
}

/** The Sent referrals list for a query, from the background's outbox; each row parsed at this boundary. */
export async function askSentReferrals(query: SentQuery): Promise<OutboxRow[]> {
  const reply = await ask('pad:sent-referrals', { query });
  if (!reply) throw new Error('the extension’s background did not answer');
  if (!reply.ok) throw new Error(reply.message);
  return reply.rows;
}

/** Send a referral that needs attention again; true once the background has queued it again. */
export async function askSendAgain(id: string): Promise<boolean> {
  const reply = await ask('pad:send-again', { id });
  if (!reply) throw new Error('the extension’s background did not answer');
  if (!reply.ok) throw new Error(reply.message);
  return reply.resent;
}

/** Ask the background to fetch the link workers' latest statuses now (the pad shows its Sent referrals). */
export function refreshStatuses(): void {
  tell('outbox:refresh', {});
}

/** Calls back whenever the background says the outbox changed; returns a stop function. */
export function onOutboxChanged(callback: () => void): () => void {
  return receive<'pad'>({ 'outbox:changed': () => callback() });
}
