import { removeDraft } from '../drafts/store';
import { enqueueReferral } from '../outbox';
import type { Referral } from '../referral/referral';

/**
 * The one place the pad sends: the referral is committed to the outbox (strict durability) before this resolves, and
 * only then is the draft it came from removed. If removing fails the draft stays, and re-sending it is harmless: its
 * referral id is fixed, and the outbox stores an id once.
 */
export async function sendReferral(referral: Referral, recordKey: string): Promise<void> {
  await enqueueReferral(referral);
  await removeDraft(recordKey).catch((error) => console.warn('The sent draft could not be removed.', error));
}
