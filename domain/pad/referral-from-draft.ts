import type { z } from 'zod';
import { whyNotSendable } from '../criteria/sendable';
import type { ReferralDraft } from '../referral/draft';
import { type Referral, referralSchema, type SentVerdict } from '../referral/referral';
import { SAFETY_FLAGS, type SafetyFlag, safetyLabel } from '../referral/safety';
import { UNSENDABLE_TEXT, unsendableMessage } from '../referral/text';

/** A problem that stops a referral being sent, located at the field the referrer must fix. */
export type SendProblem = { field: string; message: string };

const LABELS: Record<string, string> = {
  'patient.nhsNumber': 'The NHS number',
  'patient.given': 'The given name',
  'patient.family': 'The family name',
  'patient.dateOfBirth': 'The date of birth',
  'patient.sex': 'The patient’s sex',
  'patient.phone': 'The phone number',
  'patient.email': 'The email address',
  'patient.postcode': 'The postcode',
  'patient.contactTimes': 'The contact times',
  'patient.interpreterLanguage': 'The interpreter language',
  needs: 'The needs',
  whatMatters: 'What matters to the patient',
  'consent.referral': 'Consent to the referral',
  'consent.sharing': 'Consent to sharing details',
  'referrer.name': 'Your name',
  'referrer.role': 'Your role',
  'referrer.odsCode': 'The practice ODS code',
  overrideReason: 'Your reason to refer anyway',
};

function label(path: string): string {
  const [head, flag] = path.split('.');
  if (head === 'safety' && flag && (SAFETY_FLAGS as string[]).includes(flag)) {
    return `The safety question “${safetyLabel(flag as SafetyFlag)}”`;
  }
  return LABELS[path] ?? path;
}

function message(issue: z.core.$ZodIssue, path: string): string {
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.input === undefined) {
    return path.startsWith('safety.') ? `${label(path)} is not answered.` : `${label(path)} is missing.`;
  }
  if (issue.code === 'invalid_value') return `${label(path)}: choose one of the options.`;
  if (issue.code === 'custom' && issue.params?.[UNSENDABLE_TEXT])
    return unsendableMessage(label(path), String(issue.params[UNSENDABLE_TEXT]));
  return issue.message;
}

/** Empty text is "not given" for optional fields, so it is left out rather than sent as "". */
function given(text: string | undefined): string | undefined {
  return text?.trim() ? text : undefined;
}

function withoutUndefined<T extends object>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** The pad's field for a referral path: the override reason is the draft's own; the verdict is Send's. */
function padField(path: (string | number)[]): string {
  const joined = path.map(String).join('.');
  if (joined === 'verdict.overrideReason') return 'overrideReason';
  return joined.startsWith('verdict.') ? 'send' : joined;
}

/** The pad's element id for a field path, so the error summary can link to the control. */
export function fieldId(path: string): string {
  return `pad-${path.replace(/\./g, '-')}`;
}

/**
 * The referral a draft makes, with the verdict the referrer saw — or every reason it cannot be one yet, each located.
 * Pure: the id and the time come in, so that retries send the same referral.
 */
export function referralFromDraft(
  draft: ReferralDraft,
  verdict: SentVerdict,
  id: string,
  now: string,
): { ok: true; referral: Referral } | { ok: false; problems: SendProblem[] } {
  const { patient } = draft;
  const parsed = referralSchema.safeParse({
    id,
    createdAt: now,
    patient: withoutUndefined({
      nhsNumber: patient.nhsNumber,
      given: patient.given,
      family: patient.family,
      dateOfBirth: patient.dateOfBirth,
      sex: given(patient.sex),
      phone: given(patient.phone),
      email: given(patient.email),
      postcode: given(patient.postcode),
      contactModes: patient.contactModes ?? [],
      contactTimes: given(patient.contactTimes),
      interpreterLanguage: given(patient.interpreterLanguage),
      accessNeeds: patient.accessNeeds ?? [],
    }),
    needs: draft.needs,
    whatMatters: draft.whatMatters,
    safety: draft.safety,
    consent: { referral: draft.consent.referral ?? false, sharing: draft.consent.sharing ?? false },
    referrer: draft.referrer,
    provenance: draft.provenance,
    verdict,
  });
  if (parsed.success) {
    // The queue refuses what these rules refuse: the pad says so here, at the field, rather than after sending.
    const refusals = whyNotSendable(parsed.data, new Date(now));
    if (refusals.length === 0) return { ok: true, referral: parsed.data };
    return {
      ok: false,
      problems: refusals.map((refusal) => ({ field: padField(refusal.path), message: refusal.message })),
    };
  }
  const problems = parsed.error.issues.map((issue) => {
    const path = padField(issue.path as (string | number)[]);
    return { field: path, message: message(issue, path) };
  });
  return { ok: false, problems };
}
