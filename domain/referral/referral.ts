import { z } from 'zod';
import { serviceIdSchema } from '../service/service-id';
import { NEED_CODES } from './needs';
import { PATIENT_FIELDS, type PatientField, patientSchema, provenanceSchema } from './patient';
import { SAFETY_FLAGS } from './safety';
import { textsIn, UNSENDABLE_TEXT, unsendableCharacter, unsendableMessage } from './text';

/** ODS organisation codes are 3 to 6 letters and digits, e.g. a GP practice "L81001". */
export const odsCodeSchema = z
  .string()
  .trim()
  .transform((code) => code.toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9]{3,6}$/, 'An ODS code is 3 to 6 letters and digits, for example L81001.'));

export const referrerSchema = z.strictObject({
  name: z.string().trim().min(1, 'The referrer’s name is missing.').max(200),
  role: z.string().trim().min(1, 'The referrer’s role is missing.').max(100),
  odsCode: odsCodeSchema,
});
export type Referrer = z.output<typeof referrerSchema>;

export const OUTCOMES = ['incomplete', 'accept', 'review', 'redirect'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** What the referrer saw when they sent it, carried to the link worker unchanged. */
export const sentVerdictSchema = z.strictObject({
  modelId: z.string().min(1),
  modelVersion: z.number().int().positive(),
  outcome: z.enum(OUTCOMES),
  rules: z.array(z.string()),
  overrideReason: z.string().trim().min(1).max(1000).optional(),
});
export type SentVerdict = z.output<typeof sentVerdictSchema>;

const safetyShape = Object.fromEntries(SAFETY_FLAGS.map((flag) => [flag, z.boolean()])) as Record<
  (typeof SAFETY_FLAGS)[number],
  z.ZodBoolean
>;

export const referralSchema = z
  .strictObject({
    /** A UUID: the referral's identity everywhere, and the idempotency key of its delivery. */
    id: z.uuid(),
    createdAt: z.iso.datetime({ offset: true }),
    patient: patientSchema,
    needs: z.array(z.enum(NEED_CODES)).min(1, 'Choose at least one need.'),
    whatMatters: z.string().trim().max(2000).default(''),
    safety: z.strictObject(safetyShape),
    consent: z.strictObject({ referral: z.boolean(), sharing: z.boolean() }),
    referrer: referrerSchema,
    provenance: z
      .partialRecord(z.enum(PATIENT_FIELDS as [PatientField, ...PatientField[]]), provenanceSchema)
      .default({}),
    verdict: sentVerdictSchema,
    /** The directory service it is sent to, under the agreed version in `verdict.modelVersion`. */
    serviceId: serviceIdSchema.optional(),
  })
  .superRefine((referral, ctx) => {
    // Every text, checked once here rather than field by field, so that a field added later is covered too.
    for (const { path, text } of textsIn(referral)) {
      const character = unsendableCharacter(text);
      if (character)
        ctx.addIssue({
          code: 'custom',
          path,
          input: text,
          params: { [UNSENDABLE_TEXT]: character },
          message: unsendableMessage('This text', character),
        });
    }
  });

export type Referral = z.output<typeof referralSchema>;
export type ReferralInput = z.input<typeof referralSchema>;
