import type { ServiceModel } from '../../model/model';
import { dateOfBirthProblem } from '../../referral/date-of-birth';
import type { ReferralDraft } from '../../referral/draft';
import { isNeedCode } from '../../referral/needs';
import { nhsNumberProblem } from '../../referral/nhs-number';
import { CONTACT_MODES, type PatientField, patientSchema } from '../../referral/patient';
import { odsCodeSchema } from '../../referral/referral';
import { SAFETY_QUESTIONS } from '../../referral/safety';
import { type Finding, finding, routeDetail, suggestion } from '../finding';
import { FIELD_LABELS } from '../labels';

/** Fields every referral needs, whatever the model. */
const ALWAYS_REQUIRED: PatientField[] = ['nhsNumber', 'given', 'family', 'dateOfBirth', 'sex'];

function present(value: string | string[] | undefined): boolean {
  return Array.isArray(value) ? value.length > 0 : (value ?? '').trim().length > 0;
}

function missing(field: PatientField | 'whatMatters', why?: string): Finding {
  return finding('incomplete', {
    rule: 'required.field',
    subject: field,
    indicator: 'warning',
    summary: `${FIELD_LABELS[field]} is missing${why ? `: ${why}` : ''}.`,
  });
}

/** Ways of contact that need a phone number. */
const BY_PHONE = new Set(['phone', 'text']);

/**
 * A model that asks for a phone must not shut out people who have none (DESIGN: boundaries must not silently exclude):
 * where the service also writes or meets in person and the referrer chose such a way, no phone is needed; where it
 * offers no other way, the referral goes elsewhere like any other redirect, with the route.
 */
function withoutPhone(draft: ReferralDraft, model: ServiceModel): Finding | undefined {
  const chosen = draft.patient.contactModes ?? [];
  const otherWays: string[] = model.contactModes.filter((mode) => !BY_PHONE.has(mode));
  const fits =
    chosen.length > 0 && chosen.every((mode) => !BY_PHONE.has(mode)) && chosen.some((mode) => otherWays.includes(mode));
  if (fits) return undefined;
  const route = model.scope.outOfScopeRoute;
  if (otherWays.length === 0 && route) {
    return finding('redirect', {
      rule: 'contact.mode',
      subject: 'phone',
      indicator: 'warning',
      summary: `${model.service.name} contacts people by phone only, and there is no phone number: refer to ${route.service}.`,
      detail: routeDetail(route),
      suggestions: [suggestion(route)],
      overridable: model.overridesAllowed,
    });
  }
  const ways = otherWays.map((mode) => CONTACT_MODES.find((known) => known.code === mode)?.label.toLowerCase() ?? mode);
  const choices = ways.length > 1 ? `${ways.slice(0, -1).join(', ')} or ${ways.at(-1)}` : ways[0];
  return missing('phone', `${model.service.name} asks for it, or choose ${choices} if the patient has no phone`);
}

/** The patient's details: each required one present, each present one in a form the referral can carry. */
export function patientDetails(draft: ReferralDraft, model: ServiceModel, today: string): Finding[] {
  const patient = draft.patient;
  const findings: Finding[] = [];
  for (const field of ALWAYS_REQUIRED) if (!present(patient[field])) findings.push(missing(field));
  for (const field of model.requiredFields) {
    const value = field === 'whatMatters' ? draft.whatMatters : patient[field];
    if (present(value)) continue;
    const found = field === 'phone' ? withoutPhone(draft, model) : missing(field, `${model.service.name} asks for it`);
    if (found) findings.push(found);
  }
  // A model bounded by area cannot be checked without a postcode.
  if (
    model.kind === 'boundaried' &&
    model.scope.pathways.every((pathway) => pathway.postcodeAreas.length > 0) &&
    !model.requiredFields.includes('postcode') &&
    !present(patient.postcode)
  ) {
    findings.push(missing('postcode', 'this service covers set areas only'));
  }

  for (const field of Object.keys(patient) as PatientField[]) {
    const value = patient[field];
    if (!present(value)) continue;
    const problem = malformed(field, value as string | string[], today);
    if (problem) findings.push(problem);
  }
  return findings;
}

function malformed(field: PatientField, value: string | string[], today: string): Finding | undefined {
  if (field === 'nhsNumber') {
    const problem = nhsNumberProblem(value as string);
    return problem
      ? finding('incomplete', {
          rule: 'patient.nhs-number',
          subject: field,
          indicator: 'warning',
          summary: 'The NHS number is not valid: check it against the record.',
          detail: problem,
        })
      : undefined;
  }
  if (field === 'dateOfBirth') {
    const problem = dateOfBirthProblem(value as string, today);
    return problem
      ? finding('incomplete', {
          rule: 'patient.date-of-birth',
          subject: field,
          indicator: 'warning',
          summary: `${problem.message}.`,
        })
      : undefined;
  }
  const parsed = patientSchema.shape[field].safeParse(value);
  if (parsed.success) return undefined;
  const message = parsed.error.issues[0]?.message ?? 'not in a form the referral can carry';
  return finding('incomplete', {
    rule: field === 'postcode' ? 'patient.postcode' : 'patient.field',
    subject: field,
    indicator: 'warning',
    summary: `${FIELD_LABELS[field]} is not valid: ${readable(message)}`,
    detail: message,
  });
}

/** zod's own messages for enums ("Invalid option: expected one of …") are long; say it plainly. */
function readable(message: string): string {
  return message.startsWith('Invalid option') ? 'choose from the list.' : message;
}

export function needs(draft: ReferralDraft): Finding[] {
  if (draft.needs.length === 0) {
    return [
      finding('incomplete', {
        rule: 'required.needs',
        indicator: 'warning',
        summary: 'Choose at least one need the person wants help with.',
      }),
    ];
  }
  return draft.needs
    .filter((code) => !isNeedCode(code))
    .map((code) =>
      finding('incomplete', {
        rule: 'need.unknown',
        subject: code,
        indicator: 'warning',
        summary: `“${code}” is not a need this pad knows: remove it and choose from the list.`,
      }),
    );
}

export function safetyAnswered(draft: ReferralDraft): Finding[] {
  return SAFETY_QUESTIONS.filter(({ flag }) => draft.safety[flag] === undefined).map(({ flag, question }) =>
    finding('incomplete', {
      rule: 'required.safety',
      subject: flag,
      indicator: 'warning',
      summary: `Answer the safety question: ${question}`,
    }),
  );
}

export function consent(draft: ReferralDraft): Finding[] {
  const findings: Finding[] = [];
  const { referral, sharing } = draft.consent;
  if (referral !== true) {
    findings.push(
      finding('incomplete', {
        rule: 'required.consent-referral',
        indicator: 'warning',
        summary:
          referral === false
            ? 'The patient has not agreed to be referred, so the referral cannot be sent.'
            : 'Record whether the patient agrees to be referred.',
      }),
    );
  }
  if (sharing !== true) {
    findings.push(
      finding('incomplete', {
        rule: 'required.consent-sharing',
        indicator: 'warning',
        summary:
          sharing === false
            ? 'The patient has not agreed to share their details with the service, so it cannot be sent.'
            : 'Record whether the patient agrees to share their details with the service.',
      }),
    );
  }
  return findings;
}

const REFERRER_LABELS = { name: 'Your name', role: 'Your role', odsCode: 'Your practice’s ODS code' } as const;

export function referrer(draft: ReferralDraft): Finding[] {
  const findings: Finding[] = [];
  for (const field of ['name', 'role', 'odsCode'] as const) {
    if (!present(draft.referrer[field])) {
      findings.push(
        finding('incomplete', {
          rule: 'required.referrer',
          subject: field,
          indicator: 'warning',
          summary: `${REFERRER_LABELS[field]} is missing: the link worker needs to know who referred.`,
        }),
      );
    }
  }
  const ods = draft.referrer.odsCode;
  if (present(ods) && !odsCodeSchema.safeParse(ods).success) {
    findings.push(
      finding('incomplete', {
        rule: 'referrer.ods-code',
        subject: 'odsCode',
        indicator: 'warning',
        summary: 'Your practice’s ODS code is not valid: it is 3 to 6 letters and digits, for example L81001.',
      }),
    );
  }
  return findings;
}
