import type { Referral } from '../../domain/referral/referral';
import { ask } from '../shared/messaging/ask';
import { removeDraft } from '../shared/storage/drafts';

/**
 * The one place the pad sends: it asks the background to put the referral in the outbox (`pad:enqueue`, the
 * background's answer is in app/background/answers.ts). Resolves only once the background has committed the referral
 * to the outbox (strict durability), and only then is the draft removed. If removing fails the draft stays, and sending
 * it again is harmless: its referral id is fixed, and the outbox stores an id once.
 */
export async function sendReferral(referral: Referral, recordKey: string): Promise<void> {
  const reply = await ask('pad:enqueue', { referral });
  if (!reply) throw new Error('the extension’s background did not answer');
  if (!reply.ok) throw new Error(reply.message);
  await removeDraft(recordKey).catch((error) => console.warn('The sent draft could not be removed.', error));
}
