import { z } from 'zod';
import { dateOfBirthSchema } from './date-of-birth';
import { nhsNumberSchema } from './nhs-number';

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

export const CONTACT_MODES = [
  { code: 'phone', label: 'Phone call' },
  { code: 'text', label: 'Text message' },
  { code: 'email', label: 'Email' },
  { code: 'letter', label: 'Letter' },
  { code: 'video', label: 'Video call' },
  { code: 'in-person', label: 'In person' },
] as const;
export type ContactMode = (typeof CONTACT_MODES)[number]['code'];
export const CONTACT_MODE_CODES = CONTACT_MODES.map((mode) => mode.code) as [ContactMode, ...ContactMode[]];

export const ACCESS_NEEDS = [
  { code: 'no-internet', label: 'No internet access' },
  { code: 'transport', label: 'Needs help with transport' },
  { code: 'mobility', label: 'Mobility' },
  { code: 'hearing', label: 'Hearing' },
  { code: 'sight', label: 'Sight' },
] as const;
export type AccessNeed = (typeof ACCESS_NEEDS)[number]['code'];
export const ACCESS_NEED_CODES = ACCESS_NEEDS.map((need) => need.code) as [AccessNeed, ...AccessNeed[]];

/** A UK postcode, stored upper case with one space before the inward code: "bs1 4dj" → "BS1 4DJ". */
export const postcodeSchema = z
  .string()
  .transform((text) => text.trim().toUpperCase().replace(/\s+/g, ''))
  .refine((compact) => /^[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}$/.test(compact), {
    message: 'Not a UK postcode (for example BS1 4DJ).',
  })
  .transform((compact) => `${compact.slice(0, -3)} ${compact.slice(-3)}`);

const text = (what: string) => z.string().trim().min(1, `${what} is missing.`).max(200, `${what} is too long.`);

/** The patient as a referral carries them. Field names are also the keys of provenance and of a model's required fields. */
export const patientSchema = z.strictObject({
  nhsNumber: nhsNumberSchema,
  given: text('The given name'),
  family: text('The family name'),
  dateOfBirth: dateOfBirthSchema,
  sex: z.enum(SEXES),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[\d ()-]{6,20}$/, 'A phone number has 6 to 20 digits, spaces or dashes.')
    .optional(),
  email: z.email('Not an email address.').optional(),
  postcode: postcodeSchema.optional(),
  contactModes: z.array(z.enum(CONTACT_MODE_CODES)).default([]),
  contactTimes: z.string().trim().max(200).optional(),
  /** Present when the patient needs an interpreter: the language. */
  interpreterLanguage: z.string().trim().min(1).max(100).optional(),
  accessNeeds: z.array(z.enum(ACCESS_NEED_CODES)).default([]),
});

export type Patient = z.output<typeof patientSchema>;
export type PatientField = keyof Patient;
export const PATIENT_FIELDS = Object.keys(patientSchema.shape) as PatientField[];

/** Where a pre-filled value came from: read from the record on screen, or typed by the referrer. */
export const provenanceSchema = z.enum(['page', 'typed']);
export type Provenance = z.infer<typeof provenanceSchema>;
