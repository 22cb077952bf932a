import { z } from 'zod';
import { type PatientField, provenanceSchema } from './patient';
import { SAFETY_FLAGS, type SafetyFlag } from './safety';

/**
 * A referral as the pad holds it while the referrer works: every field optional and as typed, so that the criteria
 * can explain what is missing or wrong instead of refusing to look. Parsed whenever it crosses a boundary (storage).
 */
export const draftSchema = z.object({
  patient: z
    .object({
      nhsNumber: z.string(),
      given: z.string(),
      family: z.string(),
      dateOfBirth: z.string(),
      sex: z.string(),
      phone: z.string(),
      email: z.string(),
      postcode: z.string(),
      contactModes: z.array(z.string()),
      contactTimes: z.string(),
      interpreterLanguage: z.string(),
      accessNeeds: z.array(z.string()),
    })
    .partial()
    .default({}),
  needs: z.array(z.string()).default([]),
  whatMatters: z.string().default(''),
  safety: z.partialRecord(z.enum(SAFETY_FLAGS), z.boolean()).default({}),
  /** For a flagged safety answer: the referrer confirms "I have used this route" (the route the model gives). */
  routesUsed: z.partialRecord(z.enum(SAFETY_FLAGS), z.boolean()).default({}),
  consent: z.object({ referral: z.boolean(), sharing: z.boolean() }).partial().default({}),
  referrer: z.object({ name: z.string(), role: z.string(), odsCode: z.string() }).partial().default({}),
  provenance: z.partialRecord(z.string(), provenanceSchema).default({}),
  /** The referrer's reason for going ahead although the model's scope says otherwise. */
  overrideReason: z.string().optional(),
});

export type ReferralDraft = z.output<typeof draftSchema>;
export type DraftPatient = ReferralDraft['patient'];

export function emptyDraft(): ReferralDraft {
  return draftSchema.parse({});
}

export function unansweredSafety(draft: ReferralDraft): SafetyFlag[] {
  return SAFETY_FLAGS.filter((flag) => draft.safety[flag] === undefined);
}

export type DraftProvenance = Partial<Record<PatientField, z.infer<typeof provenanceSchema>>>;
