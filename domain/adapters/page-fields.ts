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
  'interpreterLanguage',
] as const satisfies readonly PatientField[];
export type PageField = (typeof PAGE_FIELDS)[number];

/**
 * What an adapter can read: the patient fields; 'name' for a whole name ("SMITH, John (Mr)") split into family and
 * given; 'alerts' for the record's alerts ("Interpreter: Gujarati", "Hearing impaired"), from which the pad pre-fills
 * the interpreter's language and access needs.
 */
export const ADAPTER_FIELDS = [...PAGE_FIELDS, 'name', 'alerts'] as const;
export type AdapterField = (typeof ADAPTER_FIELDS)[number];
