import { z } from 'zod/mini';
import type { PatientField } from '../referral/patient';
import { PAGE_FIELDS } from './page-fields';

export { PAGE_FIELDS, type PageField } from './page-fields';
export { recordKeyFor } from './record-key';

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
  /** The record's alerts as the page shows them, when the adapter reads them. */
  alerts?: string;
  /** Fields the adapter found but could not read (its pattern did not match), as the page shows them. */
  unread?: Partial<Record<PatientField, string>>;
};

const MAX_TEXT = 200;

export const patientContextSchema = z.object({
  recordKey: z.string().check(z.regex(/^(nhs:\d{10}|person:[0-9a-z]{1,16})$/)),
  adapterId: z.string().check(z.minLength(1), z.maxLength(100)),
  fields: z.partialRecord(z.enum(PAGE_FIELDS), z.string().check(z.maxLength(MAX_TEXT))),
  alerts: z.optional(z.string().check(z.maxLength(MAX_TEXT))),
  unread: z.optional(z.partialRecord(z.enum(PAGE_FIELDS), z.string().check(z.maxLength(MAX_TEXT)))),
});

/** A patient context from a message or storage, or null when it is not one (the schema's output is a PatientContext). */
export function parsePatientContext(value: unknown): PatientContext | null {
  const parsed = patientContextSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
