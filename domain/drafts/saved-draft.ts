import { z } from 'zod';
import { draftSchema } from '../referral/draft';

/** Drafts started with no patient record on screen share this key (there is at most one such draft). */
export const NO_RECORD = '(no record on screen)';

/**
 * A draft as stored in the extension's own storage: whose it is (the record key it was opened from), the referral id it
 * will be sent with (fixed when the draft is started, so sending twice can never make two referrals) and the draft.
 */
export const savedDraftSchema = z.object({
  recordKey: z.string().min(1),
  referralId: z.uuid(),
  startedAt: z.iso.datetime({ offset: true }),
  draft: draftSchema,
});
export type SavedDraft = z.output<typeof savedDraftSchema>;

/** The record key a draft is filed under: the record on screen, or the one shared slot when there is none. */
export function ownerKey(record: { recordKey: string } | undefined): string {
  return record?.recordKey ?? NO_RECORD;
}
