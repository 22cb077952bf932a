import { browser } from 'wxt/browser';
import { z } from 'zod';
import { type OutboxRow, outboxRowSchema } from '../../domain/outbox/row';
import { type OutboxDb, outbox } from '../background/outbox/db';
import { enqueueReferral, outboxAvailable } from '../background/outbox/enqueue';
import { resendReferral, type SentQuery, sentReferrals } from '../background/outbox/queries';
import { isFromOurExtension, isFromPad, type Sender } from '../shared/messaging/sender';
import { answerPadEnqueue } from './send-referral';

/**
 * The pad's view of the outbox, through the background. The framed pad is a third-party frame whose IndexedDB the
 * browser refuses ("The user denied permission to access the database" in Chromium), so everything it reads or
 * changes in the outbox is asked of the background, which owns the one outbox (see ./send-referral.ts for Send).
 *
 * | message              | from → to          | reply                                                      |
 * | -------------------- | ------------------ | ---------------------------------------------------------- |
 * | `pad:outbox-state`   | pad → background   | `{ available }`: whether the background can open the outbox |
 * | `pad:sent-referrals` | pad → background   | `{ ok: true, rows }` newest first, or `{ ok: false, message }` |
 * | `pad:send-again`     | pad → background   | `{ ok: true, resent }`, or `{ ok: false, message }`         |
 * | `outbox:changed`     | background → pages | none: the pad asks for its lists again                      |
 *
 * The background answers only our pad page (`isFromPad`); the pad listens to `outbox:changed` only from our extension.
 */
const sentQuerySchema = z.object({ nhsNumber: z.string().optional(), since: z.number().optional() });
export const padOutboxRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('pad:outbox-state') }),
  z.object({ type: z.literal('pad:sent-referrals'), query: sentQuerySchema }),
  z.object({ type: z.literal('pad:send-again'), id: z.uuid() }),
]);
export type PadOutboxRequest = z.output<typeof padOutboxRequestSchema>;

const stateReplySchema = z.object({ available: z.boolean() });
const sentReplySchema = z.union([
  z.object({ ok: z.literal(true), rows: z.array(z.unknown()) }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);
const sendAgainReplySchema = z.union([
  z.object({ ok: z.literal(true), resent: z.boolean() }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);
export const outboxChangedSchema = z.object({ type: z.literal('outbox:changed') });

type Reply =
  | z.output<typeof stateReplySchema>
  | z.output<typeof sentReplySchema>
  | z.output<typeof sendAgainReplySchema>;

/**
 * Whether the background can store referrals: false where IndexedDB is refused there (a private window, storage
 * turned off). Undefined when the background did not answer in a form we know: the pad then says nothing up front,
 * and Send still reports any failure.
 */
export async function askOutboxAvailable(): Promise<boolean | undefined> {
  const reply = stateReplySchema.safeParse(await ask({ type: 'pad:outbox-state' }));
  return reply.success ? reply.data.available : undefined;
}

/** The Sent referrals list for a query, from the background's outbox; each row parsed here, at this boundary. */
export async function askSentReferrals(query: SentQuery): Promise<OutboxRow[]> {
  const reply = sentReplySchema.safeParse(await ask({ type: 'pad:sent-referrals', query }));
  if (!reply.success) throw new Error('the extension’s background did not answer');
  if (!reply.data.ok) throw new Error(reply.data.message);
  return reply.data.rows.flatMap((row) => {
    const parsed = outboxRowSchema.safeParse(row);
    if (!parsed.success) console.warn('An outbox row from the background did not parse.');
    return parsed.success ? [parsed.data] : [];
  });
}

/** Send a referral that needs attention again; true once the background has queued it again. */
export async function askSendAgain(id: string): Promise<boolean> {
  const reply = sendAgainReplySchema.safeParse(await ask({ type: 'pad:send-again', id }));
  if (!reply.success) throw new Error('the extension’s background did not answer');
  if (!reply.data.ok) throw new Error(reply.data.message);
  return reply.data.resent;
}

/** Calls back whenever the background says the outbox changed; returns a stop function. */
export function onOutboxChanged(callback: () => void, runtimeId = browser.runtime.id): () => void {
  const listener = (message: unknown, sender: Sender) => {
    if (outboxChangedSchema.safeParse(message).success && isFromOurExtension(sender, runtimeId)) callback();
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

async function ask(request: PadOutboxRequest): Promise<unknown> {
  return browser.runtime.sendMessage(request);
}

export type PadOutboxDeps = {
  db?: OutboxDb;
  /** Starts a drain in the background (a message the background sends reaches its pages, never itself). */
  drain?: () => void;
};

/**
 * The background's side: a request from our pad page (checked by sender), answered from the outbox. Undefined for any
 * other message (so other listeners answer those).
 */
export function answerPadOutbox(
  message: unknown,
  sender: Sender,
  runtimeId: string,
  { db = outbox(), drain = () => {} }: PadOutboxDeps = {},
): Promise<Reply> | undefined {
  const request = padOutboxRequestSchema.safeParse(message);
  if (!request.success) return undefined;
  const refuse = (text: string): Promise<Reply> =>
    Promise.resolve(request.data.type === 'pad:outbox-state' ? { available: false } : { ok: false, message: text });
  if (!isFromPad(sender, runtimeId)) return refuse('not from the pad');
  const failed = (error: unknown): Reply => ({ ok: false, message: (error as Error).message });
  switch (request.data.type) {
    case 'pad:outbox-state':
      return outboxAvailable(db).then((available) => ({ available }));
    case 'pad:sent-referrals':
      return sentReferrals(request.data.query, db).then((rows): Reply => ({ ok: true, rows }), failed);
    case 'pad:send-again':
      return resendReferral(request.data.id, db).then((resent): Reply => {
        if (resent) drain();
        return { ok: true, resent };
      }, failed);
  }
}

/**
 * Everything the background answers the pad: Send (`pad:enqueue`, ./send-referral.ts) and the requests above. A
 * referral enqueued or sent again is drained at once. Undefined for any other message.
 */
export function answerPad(
  message: unknown,
  sender: Sender,
  runtimeId: string,
  deps: PadOutboxDeps = {},
): Promise<unknown> | undefined {
  const { db = outbox(), drain = () => {} } = deps;
  const enqueued = answerPadEnqueue(message, sender, runtimeId, (referral) => enqueueReferral(referral, { db }));
  if (enqueued) {
    return enqueued.then((reply) => {
      if (reply.ok) drain();
      return reply;
    });
  }
  return answerPadOutbox(message, sender, runtimeId, { db, drain });
}

/** The background tells open pads that the outbox changed (best effort: no pad open is no error). */
export function announceOutboxChanged(): void {
  try {
    browser.runtime.sendMessage({ type: 'outbox:changed' }).catch(() => {});
  } catch {
    // No extension pages to tell.
  }
}
