import { PAGE_FIELDS, type PageField, type PatientContext } from '../adapters/patient-context';
import { parseDateOfBirth } from '../referral/date-of-birth';
import type { DraftPatient, ReferralDraft } from '../referral/draft';
import { formatNhsNumber, isValidNhsNumber, normaliseNhsNumber } from '../referral/nhs-number';
import type { Provenance } from '../referral/patient';
import { readAlerts } from './record-alerts';

/** What the pad needs of the patient on screen: the record's key, the raw text the adapter read per field, its alerts. */
export type RecordOnScreen = Pick<PatientContext, 'recordKey' | 'fields' | 'alerts' | 'unread'>;

/**
 * The patient fields a page shows as text and the pad shows with their provenance (lists such as contact modes are the
 * referrer's to choose). The interpreter's language is offered once from the record instead (offerFromRecord).
 */
export const TEXT_FIELDS = PAGE_FIELDS.filter((field) => field !== 'interpreterLanguage') as Exclude<
  PageField,
  'interpreterLanguage'
>[];
export type TextField = Exclude<PageField, 'interpreterLanguage'>;

function sexFrom(text: string): string {
  const word = text.trim().toLowerCase();
  if (['f', 'female', 'woman'].includes(word)) return 'female';
  if (['m', 'male', 'man'].includes(word)) return 'male';
  if (['u', 'unknown', 'not known', 'not stated'].includes(word)) return 'unknown';
  return word ? 'other' : '';
}

/**
 * A page's text as the draft holds it: NHS number as people read it (943 476 5919), date of birth as ISO; '' for a date
 * of birth that does not read as one (see unreadableInRecord).
 */
export function fromPage(field: TextField, raw: string): string {
  const text = raw.trim().replace(/\s+/g, ' ');
  switch (field) {
    case 'nhsNumber': {
      const digits = normaliseNhsNumber(text);
      return isValidNhsNumber(digits) ? formatNhsNumber(digits) : text;
    }
    case 'dateOfBirth':
      return parseDateOfBirth(text) ?? '';
    case 'sex':
      return sexFrom(text);
    case 'postcode':
      return text.toUpperCase();
    default:
      return text;
  }
}

/** The record's values for the text fields it shows, as the draft would hold them. */
export function recordValues(record: RecordOnScreen): Partial<Record<TextField, string>> {
  const values: Partial<Record<TextField, string>> = {};
  for (const field of TEXT_FIELDS) {
    const raw = record.fields[field];
    const value = raw?.trim() ? fromPage(field, raw) : '';
    if (value) values[field] = value;
  }
  return values;
}

/** What a record prints for a detail it does not hold: read as nothing, not as something unreadable. */
const NOTHING_RECORDED = /^(not recorded|none|unknown|not known|n\/?a|-+|—)$/i;

/**
 * What the record shows but the pad cannot read, as shown there: text the adapter found but its pattern did not match
 * (a date of birth "12-Mar-50??"), or a date of birth it read that is not a date. Such a field is left for the referrer
 * to enter and says so, never an empty box marked "from the record".
 */
export function unreadableInRecord(record: RecordOnScreen): Partial<Record<TextField, string>> {
  const unread: Partial<Record<TextField, string>> = {};
  for (const field of TEXT_FIELDS) {
    const text = record.unread?.[field]?.trim();
    if (text && !NOTHING_RECORDED.test(text) && !record.fields[field]?.trim()) unread[field] = text;
  }
  const raw = record.fields.dateOfBirth?.trim().replace(/\s+/g, ' ');
  if (raw && !parseDateOfBirth(raw)) unread.dateOfBirth = raw;
  return unread;
}

/**
 * Brings a draft up to date with the record on screen: a field still as the page gave it (or empty) takes the record's
 * value and is marked "from the record"; a field the referrer typed is theirs and is kept.
 */
export function applyRecord(draft: ReferralDraft, record: RecordOnScreen): ReferralDraft {
  const patient: DraftPatient = { ...draft.patient };
  const provenance = { ...draft.provenance };
  for (const [field, value] of Object.entries(recordValues(record)) as [TextField, string][]) {
    const typed = provenance[field] === 'typed' && (patient[field] ?? '') !== '';
    if (typed) continue;
    patient[field] = value;
    provenance[field] = 'page';
  }
  // No provenance: nothing came from the record, and 'typed' would count the draft as touched (isUntouched).
  for (const field of Object.keys(unreadableInRecord(record)) as TextField[]) {
    if (provenance[field] === 'typed' && (patient[field] ?? '') !== '') continue;
    patient[field] = '';
    delete provenance[field];
  }
  return offerFromRecord({ ...draft, patient, provenance }, record);
}

/**
 * The interpreter's language and access needs the record names (its alerts, or an interpreter field), offered once: a
 * draft that has had them offered, or where the referrer has set them, is left as it is.
 */
function offerFromRecord(draft: ReferralDraft, record: RecordOnScreen): ReferralDraft {
  const alerts = readAlerts(record.alerts);
  const language = record.fields.interpreterLanguage?.trim() || alerts.interpreterLanguage;
  const patient: DraftPatient = { ...draft.patient };
  const provenance = { ...draft.provenance };
  if (language && provenance.interpreterLanguage === undefined && !patient.interpreterLanguage?.trim()) {
    patient.interpreterLanguage = language;
    provenance.interpreterLanguage = 'page';
  }
  if (alerts.accessNeeds.length && provenance.accessNeeds === undefined) {
    patient.accessNeeds = [...new Set([...(patient.accessNeeds ?? []), ...alerts.accessNeeds])];
    provenance.accessNeeds = 'page';
  }
  return { ...draft, patient, provenance };
}

/**
 * The referrer edits a text field: it becomes "typed", unless what they typed is the record's value again (for a date
 * of birth, the same date in any form: 3/7/1948 is 1948-07-03).
 */
export function editField(
  draft: ReferralDraft,
  field: TextField,
  value: string,
  record: RecordOnScreen | undefined,
): ReferralDraft {
  const fromRecord = record ? recordValues(record)[field] : undefined;
  const same =
    fromRecord !== undefined &&
    (fromRecord === value || (field === 'dateOfBirth' && parseDateOfBirth(value) === fromRecord));
  const provenance: Provenance = same ? 'page' : 'typed';
  return {
    ...draft,
    patient: { ...draft.patient, [field]: value },
    provenance: { ...draft.provenance, [field]: provenance },
  };
}
