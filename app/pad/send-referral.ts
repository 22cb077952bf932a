import { browser } from 'wxt/browser';
import { z } from 'zod';
import { type Referral, referralSchema } from '../../domain/referral/referral';
import { enqueueReferral } from '../background/outbox';
import { isFromPad, type Sender } from '../shared/messaging/sender';
import { removeDraft } from '../shared/storage/drafts';

/**
 * The pad asks the background to put the referral in the outbox. The pad framed in a practice system's page is a
 * third-party frame: the browser partitions or refuses its IndexedDB there, so the one outbox (the background's, in the
 * extension's own storage) is written by the background and the pad waits for its answer.
 */
export const padEnqueueSchema = z.object({ type: z.literal('pad:enqueue'), referral: z.unknown() });
const enqueueReplySchema = z.union([
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);
export type EnqueueReply = z.output<typeof enqueueReplySchema>;

/**
 * The one place the pad sends. Resolves only once the background has committed the referral to the outbox (strict
 * durability), and only then is the draft removed. If removing fails the draft stays, and sending it again is
 * harmless: its referral id is fixed, and the outbox stores an id once.
 */
export async function sendReferral(referral: Referral, recordKey: string): Promise<void> {
  const reply = enqueueReplySchema.safeParse(await browser.runtime.sendMessage({ type: 'pad:enqueue', referral }));
  if (!reply.success) throw new Error('the extension’s background did not answer');
  if (!reply.data.ok) throw new Error(reply.data.message);
  await removeDraft(recordKey).catch((error) => console.warn('The sent draft could not be removed.', error));
}

/**
 * The background's side: a referral from our pad page (checked by sender), parsed again at this boundary, enqueued.
 * Undefined for any other message (so other listeners answer those).
 */
export function answerPadEnqueue(
  message: unknown,
  sender: Sender,
  runtimeId: string,
  enqueue: (referral: Referral) => Promise<unknown> = enqueueReferral,
): Promise<EnqueueReply> | undefined {
  const request = padEnqueueSchema.safeParse(message);
  if (!request.success) return undefined;
  if (!isFromPad(sender, runtimeId)) return Promise.resolve({ ok: false, message: 'not from the pad' });
  const referral = referralSchema.safeParse(request.data.referral);
  if (!referral.success) {
    const where = referral.error.issues.map((issue) => issue.path.join('.')).join(', ');
    return Promise.resolve({ ok: false, message: `the referral did not parse (${where})` });
  }
  return enqueue(referral.data).then(
    (): EnqueueReply => ({ ok: true }),
    (error: unknown): EnqueueReply => ({ ok: false, message: (error as Error).message }),
  );
}
