import { nhsDate } from '../clock/nhs-date';
import type { Card } from '../criteria';
import { parseDateOfBirth } from '../referral/date-of-birth';
import type { DraftPatient, ReferralDraft } from '../referral/draft';
import { formatNhsNumber, isValidNhsNumber, normaliseNhsNumber } from '../referral/nhs-number';
import { ACCESS_NEEDS, CONTACT_MODES } from '../referral/patient';
import { TEXT_FIELDS } from './record-fields';
import type { SendProblem } from './referral-from-draft';
import { missingField } from './send-block';

/**
 * The pad's sections that can be shown as one line (the patient from the record, contact and access, the remembered
 * referrer): each line's words, and when the section must be open instead.
 */

/** What the check and a failed Send say about the draft: where they point, the section is opened there. */
export type Findings = { draft: ReferralDraft; cards: readonly Card[]; problems: readonly SendProblem[] };

const CONTACT_FIELDS = ['contactModes', 'contactTimes', 'interpreterLanguage', 'accessNeeds'].map(
  (field) => `patient.${field}`,
);

function pointsAt(findings: Findings, fits: (path: string) => boolean): boolean {
  return (
    findings.cards.some((card) => {
      const path = missingField(card);
      return path !== undefined && fits(path);
    }) || findings.problems.some((problem) => fits(problem.field))
  );
}

function labels(codes: readonly string[] | undefined, list: readonly { code: string; label: string }[]): string[] {
  return (codes ?? []).map((code) => list.find((known) => known.code === code)?.label ?? code);
}

/** "Letter; weekday mornings · interpreter: Gujarati · access needs: Hearing": contact and access in one line. */
export function contactLine({ patient }: ReferralDraft): string {
  const ways = labels(patient.contactModes, CONTACT_MODES).join(', ');
  const times = patient.contactTimes?.trim();
  const language = patient.interpreterLanguage?.trim();
  const access = labels(patient.accessNeeds, ACCESS_NEEDS).join(', ');
  const parts = [
    [ways, times].filter(Boolean).join('; '),
    language && `interpreter: ${language}`,
    access && `access needs: ${access}`,
  ];
  return parts.filter(Boolean).join(' · ') || 'None asked for';
}

/**
 * Contact and access are open when the check points there: a way of contact the service lacks, or no phone where the
 * service asks for one (the way out is a letter or a visit, chosen here), or a detail the model asks for.
 */
export function contactNeedsEntry(findings: Findings): boolean {
  if (findings.cards.some((card) => card.rule === 'contact.mode')) return true;
  return pointsAt(findings, (path) => CONTACT_FIELDS.includes(path) || path === 'patient.phone');
}

/** "Dr Asha Patel, GP, L81001": the remembered referrer in one line. */
export function referrerLine({ referrer }: ReferralDraft): string {
  return [referrer.name, referrer.role, referrer.odsCode?.toUpperCase()].map((part) => part?.trim()).join(', ');
}

/** The referrer is open until all three details are remembered, and whenever the check points at one. */
export function referrerNeedsEntry(findings: Findings): boolean {
  const { referrer } = findings.draft;
  if (!referrer.name?.trim() || !referrer.role?.trim() || !referrer.odsCode?.trim()) return true;
  return pointsAt(findings, (path) => path.startsWith('referrer.'));
}

/** The details without which a referral cannot say who it is for: never hidden while one is empty. */
const WHO = ['nhsNumber', 'given', 'family', 'dateOfBirth'] as const;

function name(patient: DraftPatient): string {
  return [patient.given?.trim(), patient.family?.trim().toUpperCase()].filter(Boolean).join(' ') || 'No name yet';
}

function nhsNumber(patient: DraftPatient): string | undefined {
  const digits = normaliseNhsNumber(patient.nhsNumber ?? '');
  return isValidNhsNumber(digits) ? formatNhsNumber(digits) : patient.nhsNumber?.trim() || undefined;
}

/** "John SMITH · 943 476 5919": whom the referral is for, as the summary bar names them. */
export function patientInBrief(patient: DraftPatient): string {
  return [name(patient), nhsNumber(patient)].filter(Boolean).join(' · ');
}

/**
 * "John SMITH · 943 476 5919 · 14 Jun 1954": the pre-filled patient in one line. The date of birth is written out
 * ("14 Jun 1954", never the browser's 06/14/1954); one half-typed ("3/7/19") shows as typed.
 */
export function patientLine(patient: DraftPatient): string {
  const born = patient.dateOfBirth?.trim();
  const day = born ? parseDateOfBirth(born) : undefined;
  return [patientInBrief(patient), day ? nhsDate(day, 'short') : born].filter(Boolean).join(' · ');
}

/**
 * Whether the patient's fields must be shown open rather than as one line: a detail that says who the patient is is
 * empty; a detail is not as the record gave it (typed by the referrer, or anything but "from the record"); or the
 * check or a failed Send points at one of them (a "still needed" link or the error summary leads there).
 */
export function patientNeedsEntry(findings: Findings): boolean {
  const { patient, provenance } = findings.draft;
  if (WHO.some((field) => !patient[field]?.trim())) return true;
  if (TEXT_FIELDS.some((field) => patient[field]?.trim() && provenance[field] !== 'page')) return true;
  return pointsAt(findings, (path) => path.startsWith('patient.'));
}
