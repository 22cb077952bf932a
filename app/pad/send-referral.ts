import type { Referral } from '../../domain/referral/referral';
import { ask } from '../shared/messaging/ask';

/**
 * The one place the pad sends: it asks the background to put the referral in the outbox (`pad:enqueue`, the
 * background's answer is in app/background/answers.ts). Resolves only once the background has committed the referral
 * to the outbox (strict durability). The session then removes the draft (domain/pad/session.ts); if that fails the
 * draft stays, and sending it again is harmless: its referral id is fixed, and the outbox stores an id once.
 */
export async function sendReferral(referral: Referral): Promise<void> {
  const reply = await ask('pad:enqueue', { referral });
  if (!reply) throw new Error('the extension’s background did not answer');
  if (!reply.ok) throw new Error(reply.message);
}
