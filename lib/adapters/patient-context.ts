import { z } from 'zod/mini';
import type { PatientField } from '../referral/patient';

/**
 * The patient fields a practice system's page can show. A subset of the referral's PatientField (contact modes, access
 * needs and so on are asked in the pad, not read from a banner). Listed by hand, not derived from patientSchema, so that
 * the content script does not bundle the full zod.
 */
export const PAGE_FIELDS = [
  'nhsNumber',
  'given',
  'family',
  'dateOfBirth',
  'sex',
  'phone',
  'email',
  'postcode',
] as const satisfies readonly PatientField[];
export type PageField = (typeof PAGE_FIELDS)[number];

/**
 * The patient on screen as the content script read it: the raw text of each field found on the page (not yet validated
 * — the pad checks the NHS number, parses the date and marks each value as 'page' provenance), which adapter read it,
 * and a key for the record, so that drafts are kept per patient and a draft is never sent under another patient.
 */
export type PatientContext = {
  /** `nhs:<10 digits>` when the page shows a 10-digit NHS number; else `person:<hash of family, given, date of birth>`. */
  recordKey: string;
  adapterId: string;
  fields: Partial<Record<PatientField, string>>;
};

const MAX_TEXT = 200;

export const patientContextSchema = z.object({
  recordKey: z.string().check(z.regex(/^(nhs:\d{10}|person:[0-9a-z]{1,16})$/)),
  adapterId: z.string().check(z.minLength(1), z.maxLength(100)),
  fields: z.partialRecord(z.enum(PAGE_FIELDS), z.string().check(z.maxLength(MAX_TEXT))),
});

/** A patient context from a message or storage, or null when it is not one (the schema's output is a PatientContext). */
export function parsePatientContext(value: unknown): PatientContext | null {
  const parsed = patientContextSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * The record key for what the page shows, or undefined when it shows too little to tell one patient from another
 * (no NHS number, and not all of family name, given name and date of birth). Case and spacing do not change the key.
 */
export function recordKeyFor(fields: Partial<Record<PageField, string>>): string | undefined {
  const digits = (fields.nhsNumber ?? '').replace(/\D/g, '');
  if (digits.length === 10) return `nhs:${digits}`;
  const parts = [fields.family, fields.given, fields.dateOfBirth].map((part) =>
    (part ?? '').trim().toLowerCase().replace(/\s+/g, ' '),
  );
  if (parts.some((part) => part === '')) return undefined;
  return `person:${hash53(parts.join('|')).toString(36)}`;
}

/** cyrb53: a fast, well-spread 53-bit string hash. Not for secrecy; only to tell records apart without an NHS number. */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
