import type { z } from 'zod';
import { PATIENT_FIELDS, SAFETY_FLAGS, safetyLabel } from '../referral';
import type { FhirExtension, practitionerRoleSchema, serviceRequestResourceSchema } from './bundle-schema';
import { codeIn, problem, type Reading, readComplex } from './reading';
import { EXTENSIONS, REFERRER_ID, SNOMED, SYSTEMS } from './systems';

export function referrerOf(role: z.infer<typeof practitionerRoleSchema>): Record<string, unknown> {
  return {
    name: role.practitioner.display,
    role: role.code[0]?.text,
    odsCode: role.organization.identifier.value,
  };
}

export function readReferrer(
  reading: Reading,
  resource: { contained: z.infer<typeof practitionerRoleSchema>[]; requester: { reference: string } },
  path: string,
): Record<string, unknown> | undefined {
  const role = resource.contained[0];
  if (resource.requester.reference !== `#${REFERRER_ID}` || role?.id !== REFERRER_ID) {
    problem(reading, `${path}.requester`, `The requester is the contained PractitionerRole “#${REFERRER_ID}”.`);
    return undefined;
  }
  if (role.organization.identifier.system !== SYSTEMS.ods)
    problem(
      reading,
      `${path}.contained[0].organization.identifier.system`,
      `The practice is identified by its ODS code (${SYSTEMS.ods}).`,
    );
  return referrerOf(role);
}

export function referralIdOf(
  reading: Reading,
  identifiers: { system: string; value: string }[],
  path: string,
  resource: string,
): { value: string; path: string } | undefined {
  const found = identifiers.flatMap((identifier, index) =>
    identifier.system === SYSTEMS.referralId
      ? [{ value: identifier.value, path: `${path}.identifier[${index}].value` }]
      : [],
  );
  if (found.length === 0) {
    problem(reading, `${path}.identifier`, `The ${resource} has no referral identifier (${SYSTEMS.referralId}).`);
    return undefined;
  }
  if (found.length > 1 || identifiers.length > 1)
    problem(reading, `${path}.identifier`, `The ${resource} is identified by one referral identifier, only.`);
  return found[0];
}

/** Reads the referral itself from the ServiceRequest: identity, referrer, needs, what matters, safety, consent, verdict, provenance. */
export function readServiceRequest(
  reading: Reading,
  request: z.infer<typeof serviceRequestResourceSchema>,
  path: string,
  patientUrl: string,
): void {
  const { input, where } = reading;
  const id = referralIdOf(reading, request.identifier, path, 'ServiceRequest');
  if (id) {
    input.id = id.value;
    where.set('id', id.path);
  }
  if (
    !request.code.coding.some(
      (coding) => coding.system === SYSTEMS.snomed && coding.code === SNOMED.socialPrescribingReferral.code,
    )
  )
    problem(
      reading,
      `${path}.code`,
      `The ServiceRequest is not coded as a referral to social prescribing (SNOMED CT ${SNOMED.socialPrescribingReferral.code}).`,
    );
  if (request.subject.reference !== patientUrl)
    problem(reading, `${path}.subject`, 'The ServiceRequest’s subject is not the Patient in this Bundle.');
  input.createdAt = request.authoredOn;
  where.set('createdAt', `${path}.authoredOn`);
  const referrer = readReferrer(reading, request, path);
  if (referrer) input.referrer = referrer;
  where.set('referrer', `${path}.contained[0]`);
  where.set('referrer.name', `${path}.contained[0].practitioner.display`);
  where.set('referrer.role', `${path}.contained[0].code[0].text`);
  where.set('referrer.odsCode', `${path}.contained[0].organization.identifier.value`);

  input.needs = request.reasonCode.map((reason, index) => {
    where.set(`needs.${index}`, `${path}.reasonCode[${index}]`);
    return codeIn(reading, reason.coding[0], SYSTEMS.need, `${path}.reasonCode[${index}].coding[0]`, 'A need');
  });
  where.set('needs', `${path}.reasonCode`);
  readPerformer(reading, request.performer, path);
  input.whatMatters = request.note?.[0]?.text ?? '';
  where.set('whatMatters', `${path}.note[0].text`);

  readServiceRequestExtensions(reading, request.extension, path);
}

/** The service it is sent to: HealthcareService/<service id>, or none (a pad without a directory). */
function readPerformer(reading: Reading, performer: { reference: string }[] | undefined, path: string): void {
  const reference = performer?.[0]?.reference;
  if (reference === undefined) return;
  const id = /^HealthcareService\/(.+)$/.exec(reference)?.[1];
  if (id === undefined) {
    problem(reading, `${path}.performer[0].reference`, 'The performer is the service, as HealthcareService/<id>.');
    return;
  }
  reading.input.serviceId = id;
  reading.where.set('serviceId', `${path}.performer[0].reference`);
}

/** Safety answers, consent, verdict and provenance: each where the referral keeps it, each once, none unknown. */
function readServiceRequestExtensions(reading: Reading, extensions: FhirExtension[], path: string): void {
  const { input, where } = reading;
  const safety: Record<string, unknown> = {};
  const provenance: Record<string, unknown> = {};
  where.set('safety', `${path}.extension`);
  where.set('provenance', `${path}.extension`);
  extensions.forEach((extension, index) => {
    const at = `${path}.extension[${index}]`;
    const once = (kind: 'consent' | 'verdict') => {
      if (where.has(kind)) problem(reading, at, `The ServiceRequest carries more than one ${kind}.`);
      where.set(kind, at);
    };
    if (extension.url === EXTENSIONS.safetyFlag) readSafetyAnswer(reading, extension, at, safety);
    else if (extension.url === EXTENSIONS.fieldProvenance) readProvenance(reading, extension, at, provenance);
    else if (extension.url === EXTENSIONS.consent) {
      once('consent');
      input.consent = readConsent(reading, extension, at);
    } else if (extension.url === EXTENSIONS.verdict) {
      once('verdict');
      input.verdict = readVerdict(reading, extension, at);
    } else
      problem(
        reading,
        `${at}.url`,
        `The ServiceRequest has an extension we do not read (${extension.url}); refused rather than dropped.`,
      );
  });
  for (const flag of SAFETY_FLAGS)
    if (!Object.hasOwn(safety, flag))
      problem(
        reading,
        `${path}.extension`,
        `The ServiceRequest does not answer the safety question “${safetyLabel(flag)}”.`,
      );
  if (!where.has('consent')) problem(reading, `${path}.extension`, 'The ServiceRequest carries no consent.');
  if (!where.has('verdict')) problem(reading, `${path}.extension`, 'The ServiceRequest carries no verdict.');
  input.safety = safety;
  input.provenance = provenance;
}

function readSafetyAnswer(reading: Reading, extension: FhirExtension, at: string, safety: Record<string, unknown>) {
  const parts = readComplex(reading, extension, at, 'A safety answer', {
    flag: { key: 'valueCoding', min: 1, max: 1 },
    present: { key: 'valueBoolean', min: 1, max: 1 },
  });
  const coded = parts.flag[0];
  if (!coded || !parts.present[0]) return;
  const flag = codeIn(reading, coded.value, SYSTEMS.safetyFlag, coded.path, 'A safety flag');
  if (flag === undefined) return;
  if (!(SAFETY_FLAGS as string[]).includes(flag))
    problem(reading, coded.path, `“${flag}” is not one of the safety questions.`);
  else if (Object.hasOwn(safety, flag)) problem(reading, at, `The safety question “${flag}” is answered twice.`);
  else {
    safety[flag] = parts.present[0].value;
    reading.where.set(`safety.${flag}`, at);
  }
}

function readProvenance(reading: Reading, extension: FhirExtension, at: string, provenance: Record<string, unknown>) {
  const parts = readComplex(reading, extension, at, 'A field’s provenance', {
    field: { key: 'valueCode', min: 1, max: 1 },
    source: { key: 'valueCode', min: 1, max: 1 },
  });
  const named = parts.field[0];
  if (!named || !parts.source[0]) return;
  const field = named.value as string;
  if (!(PATIENT_FIELDS as string[]).includes(field))
    problem(reading, named.path, `“${field}” is not a patient field whose provenance is kept.`);
  else if (Object.hasOwn(provenance, field)) problem(reading, at, `The provenance of “${field}” is given twice.`);
  else {
    provenance[field] = parts.source[0].value;
    reading.where.set(`provenance.${field}`, parts.source[0].path);
  }
}

function readConsent(reading: Reading, extension: FhirExtension, at: string): Record<string, unknown> {
  const parts = readComplex(reading, extension, at, 'The consent', {
    referral: { key: 'valueBoolean', min: 1, max: 1 },
    sharing: { key: 'valueBoolean', min: 1, max: 1 },
  });
  return { referral: parts.referral[0]?.value, sharing: parts.sharing[0]?.value };
}

function readVerdict(reading: Reading, extension: FhirExtension, at: string): Record<string, unknown> {
  const parts = readComplex(reading, extension, at, 'The verdict', {
    modelId: { key: 'valueString', min: 1, max: 1 },
    modelVersion: { key: 'valuePositiveInt', min: 1, max: 1 },
    outcome: { key: 'valueCoding', min: 1, max: 1 },
    rule: { key: 'valueString', min: 0, max: Number.POSITIVE_INFINITY },
    overrideReason: { key: 'valueString', min: 0, max: 1 },
  });
  const outcome = parts.outcome[0];
  for (const name of ['modelId', 'overrideReason'] as const)
    if (parts[name][0]) reading.where.set(`verdict.${name}`, parts[name][0].path);
  return {
    modelId: parts.modelId[0]?.value,
    modelVersion: parts.modelVersion[0]?.value,
    outcome: outcome && codeIn(reading, outcome.value, SYSTEMS.verdictOutcome, outcome.path, 'The verdict’s outcome'),
    rules: parts.rule.map((part) => part.value),
    ...(parts.overrideReason[0] ? { overrideReason: parts.overrideReason[0].value } : {}),
  };
}
