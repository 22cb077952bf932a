import type { z } from 'zod';
import { normaliseNhsNumber, type Referral, referralSchema, SAFETY_FLAGS, safetyLabel } from '../referral';
import {
  bundleSchema,
  type FhirExtension,
  patientResourceSchema,
  type practitionerRoleSchema,
  serviceRequestResourceSchema,
  taskResourceSchema,
} from './bundle-schema';
import { type FhirProblem, formatPath, zodProblems } from './problems';
import { EXTENSIONS, nhsNumberQuery, REFERRER_ID, referralIdentifierQuery, SNOMED, SYSTEMS } from './systems';

type ValueKey = 'valueString' | 'valueBoolean' | 'valueCode' | 'valuePositiveInt' | 'valueCoding';
const VALUE_KEYS: ValueKey[] = ['valueString', 'valueBoolean', 'valueCode', 'valuePositiveInt', 'valueCoding'];

type Coding = { system: string; code: string };

/**
 * What is read from the Bundle: the referral as input to referralSchema, where each referral field was found (so
 * that the schema's complaints point into the Bundle), and the problems met on the way.
 */
type Reading = {
  input: Record<string, unknown>;
  patient: Record<string, unknown>;
  where: Map<string, string>;
  problems: FhirProblem[];
};

function problem(reading: Reading, path: string, message: string): void {
  reading.problems.push({ path, message });
}

/** The one value[x] an extension (or sub-extension) must have, of the kind expected. */
function extensionValue(
  reading: Reading,
  element: Partial<Record<ValueKey, unknown>>,
  key: ValueKey,
  path: string,
  what: string,
): unknown {
  const present = VALUE_KEYS.filter((candidate) => element[candidate] !== undefined);
  if (present.length !== 1 || present[0] !== key) {
    problem(reading, path, `${what} needs exactly one value, a ${key}.`);
    return undefined;
  }
  return element[key];
}

function codeIn(reading: Reading, coding: unknown, system: string, path: string, what: string): string | undefined {
  const { system: found, code } = coding as Coding;
  if (found !== system) {
    problem(reading, path, `${what} must be coded from ${system}, not ${found}.`);
    return undefined;
  }
  return code;
}

type SubSpec = { key: ValueKey; min: number; max: number };

/** Reads a complex extension: each named part with its value kind and how many times it may come. */
function readComplex<Name extends string>(
  reading: Reading,
  extension: FhirExtension,
  path: string,
  what: string,
  spec: Record<Name, SubSpec>,
): Record<Name, { value: unknown; path: string }[]> {
  const found = Object.fromEntries(Object.keys(spec).map((name) => [name, []])) as unknown as Record<
    Name,
    { value: unknown; path: string }[]
  >;
  if (VALUE_KEYS.some((key) => extension[key] !== undefined))
    problem(reading, path, `${what} has parts (extension), not a value of its own.`);
  (extension.extension ?? []).forEach((part, index) => {
    const partPath = `${path}.extension[${index}]`;
    if (!Object.hasOwn(spec, part.url)) {
      problem(reading, `${partPath}.url`, `${what} has no part called “${part.url}”.`);
      return;
    }
    const name = part.url as Name;
    const value = extensionValue(reading, part, spec[name].key, partPath, `${what}’s ${name}`);
    if (value !== undefined) found[name].push({ value, path: partPath });
  });
  for (const name of Object.keys(spec) as Name[]) {
    const { min, max } = spec[name];
    if (found[name].length < min) problem(reading, `${path}.extension`, `${what} has no ${name}.`);
    if (found[name].length > max) problem(reading, `${path}.extension`, `${what} has more than one ${name}.`);
  }
  return found;
}

function readPatient(reading: Reading, patient: z.infer<typeof patientResourceSchema>, path: string): void {
  const into = reading.patient;
  const nhs = patient.identifier.flatMap((identifier, index) =>
    identifier.system === SYSTEMS.nhsNumber ? [{ value: identifier.value, index }] : [],
  );
  if (nhs.length !== 1 || patient.identifier.length !== 1)
    problem(reading, `${path}.identifier`, `The Patient is identified by one NHS number (${SYSTEMS.nhsNumber}), only.`);
  if (nhs[0] && nhs[0].value !== normaliseNhsNumber(nhs[0].value))
    problem(
      reading,
      `${path}.identifier[${nhs[0].index}].value`,
      'On the wire an NHS number is its 10 digits, without spaces.',
    );
  if (nhs[0]) {
    into.nhsNumber = nhs[0].value;
    reading.where.set('patient.nhsNumber', `${path}.identifier[${nhs[0].index}].value`);
  }
  const name = patient.name[0];
  if (name) {
    into.given = name.given[0];
    into.family = name.family;
  }
  reading.where.set('patient.given', `${path}.name[0].given[0]`);
  reading.where.set('patient.family', `${path}.name[0].family`);
  into.sex = patient.gender;
  reading.where.set('patient.sex', `${path}.gender`);
  into.dateOfBirth = patient.birthDate;
  reading.where.set('patient.dateOfBirth', `${path}.birthDate`);

  for (const system of ['phone', 'email'] as const) {
    const points = (patient.telecom ?? []).flatMap((point, index) =>
      point.system === system ? [{ point, index }] : [],
    );
    if (points.length > 1) problem(reading, `${path}.telecom`, `The Patient has more than one ${system}.`);
    if (points[0]) {
      into[system] = points[0].point.value;
      reading.where.set(`patient.${system}`, `${path}.telecom[${points[0].index}].value`);
    }
  }
  if (patient.address?.[0]) {
    into.postcode = patient.address[0].postalCode;
    reading.where.set('patient.postcode', `${path}.address[0].postalCode`);
  }
  const language = patient.communication?.[0];
  if (language) {
    into.interpreterLanguage = language.language.text;
    reading.where.set('patient.interpreterLanguage', `${path}.communication[0].language.text`);
  }

  let interpreterRequired: unknown;
  let contactPreferenceSeen = false;
  const accessNeeds: unknown[] = [];
  (patient.extension ?? []).forEach((extension, index) => {
    const at = `${path}.extension[${index}]`;
    if (extension.url === EXTENSIONS.interpreterRequired) {
      if (interpreterRequired !== undefined)
        problem(reading, at, 'The Patient says twice whether an interpreter is needed.');
      interpreterRequired = extensionValue(reading, extension, 'valueBoolean', at, 'Interpreter required');
    } else if (extension.url === EXTENSIONS.contactPreference) {
      if (contactPreferenceSeen) problem(reading, at, 'The Patient has more than one contact preference.');
      contactPreferenceSeen = true;
      const parts = readComplex(reading, extension, at, 'The contact preference', {
        mode: { key: 'valueCoding', min: 0, max: Number.POSITIVE_INFINITY },
        times: { key: 'valueString', min: 0, max: 1 },
      });
      into.contactModes = parts.mode.map((part) =>
        codeIn(reading, part.value, SYSTEMS.contactMode, part.path, 'A contact mode'),
      );
      reading.where.set('patient.contactModes', `${at}.extension`);
      if (parts.times[0]) {
        into.contactTimes = parts.times[0].value;
        reading.where.set('patient.contactTimes', parts.times[0].path);
      }
    } else if (extension.url === EXTENSIONS.accessNeed) {
      reading.where.set(`patient.accessNeeds.${accessNeeds.length}`, at);
      const coding = extensionValue(reading, extension, 'valueCoding', at, 'An access need');
      if (coding !== undefined) accessNeeds.push(codeIn(reading, coding, SYSTEMS.accessNeed, at, 'An access need'));
      if (extension.extension) problem(reading, at, 'An access need has a value, not parts.');
    } else {
      problem(
        reading,
        `${at}.url`,
        `The Patient has an extension we do not read (${extension.url}); refused rather than dropped.`,
      );
    }
  });
  if (accessNeeds.length > 0) into.accessNeeds = accessNeeds;
  if ((interpreterRequired === true) !== (language !== undefined))
    problem(
      reading,
      `${path}.communication`,
      'An interpreter language comes with the interpreter-required extension set to true, and only then.',
    );
}

function referrerOf(role: z.infer<typeof practitionerRoleSchema>): Record<string, unknown> {
  return {
    name: role.practitioner.display,
    role: role.code[0]?.text,
    odsCode: role.organization.identifier.value,
  };
}

function readReferrer(
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

function referralIdOf(
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

function readServiceRequest(
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
  where.set('referrer.name', `${path}.contained[0].practitioner.display`);
  where.set('referrer.role', `${path}.contained[0].code[0].text`);
  where.set('referrer.odsCode', `${path}.contained[0].organization.identifier.value`);

  input.needs = request.reasonCode.map((reason, index) => {
    where.set(`needs.${index}`, `${path}.reasonCode[${index}]`);
    return codeIn(reading, reason.coding[0], SYSTEMS.need, `${path}.reasonCode[${index}].coding[0]`, 'A need');
  });
  where.set('needs', `${path}.reasonCode`);
  input.whatMatters = request.note?.[0]?.text ?? '';
  where.set('whatMatters', `${path}.note[0].text`);

  const safety: Record<string, unknown> = {};
  const provenance: Record<string, unknown> = {};
  const seen = new Set<string>();
  request.extension.forEach((extension, index) => {
    const at = `${path}.extension[${index}]`;
    if (extension.url === EXTENSIONS.safetyFlag) {
      const parts = readComplex(reading, extension, at, 'A safety answer', {
        flag: { key: 'valueCoding', min: 1, max: 1 },
        present: { key: 'valueBoolean', min: 1, max: 1 },
      });
      const flag =
        parts.flag[0] && codeIn(reading, parts.flag[0].value, SYSTEMS.safetyFlag, parts.flag[0].path, 'A safety flag');
      if (flag === undefined || !parts.present[0]) return;
      if (Object.hasOwn(safety, flag)) problem(reading, at, `The safety question “${flag}” is answered twice.`);
      safety[flag] = parts.present[0].value;
      where.set(`safety.${flag}`, at);
    } else if (extension.url === EXTENSIONS.consent || extension.url === EXTENSIONS.verdict) {
      const kind = extension.url === EXTENSIONS.consent ? 'consent' : 'verdict';
      if (seen.has(kind)) problem(reading, at, `The ServiceRequest carries more than one ${kind}.`);
      seen.add(kind);
      where.set(kind, at);
      if (kind === 'consent') {
        const parts = readComplex(reading, extension, at, 'The consent', {
          referral: { key: 'valueBoolean', min: 1, max: 1 },
          sharing: { key: 'valueBoolean', min: 1, max: 1 },
        });
        input.consent = { referral: parts.referral[0]?.value, sharing: parts.sharing[0]?.value };
      } else {
        const parts = readComplex(reading, extension, at, 'The verdict', {
          modelId: { key: 'valueString', min: 1, max: 1 },
          modelVersion: { key: 'valuePositiveInt', min: 1, max: 1 },
          outcome: { key: 'valueCoding', min: 1, max: 1 },
          rule: { key: 'valueString', min: 0, max: Number.POSITIVE_INFINITY },
          overrideReason: { key: 'valueString', min: 0, max: 1 },
        });
        const outcome = parts.outcome[0];
        input.verdict = {
          modelId: parts.modelId[0]?.value,
          modelVersion: parts.modelVersion[0]?.value,
          outcome:
            outcome && codeIn(reading, outcome.value, SYSTEMS.verdictOutcome, outcome.path, 'The verdict’s outcome'),
          rules: parts.rule.map((part) => part.value),
          ...(parts.overrideReason[0] ? { overrideReason: parts.overrideReason[0].value } : {}),
        };
      }
    } else if (extension.url === EXTENSIONS.fieldProvenance) {
      const parts = readComplex(reading, extension, at, 'A field’s provenance', {
        field: { key: 'valueCode', min: 1, max: 1 },
        source: { key: 'valueCode', min: 1, max: 1 },
      });
      const field = parts.field[0]?.value as string | undefined;
      if (field === undefined || !parts.source[0]) return;
      if (Object.hasOwn(provenance, field)) problem(reading, at, `The provenance of “${field}” is given twice.`);
      provenance[field] = parts.source[0].value;
      where.set(`provenance.${field}`, at);
    } else {
      problem(
        reading,
        `${at}.url`,
        `The ServiceRequest has an extension we do not read (${extension.url}); refused rather than dropped.`,
      );
    }
  });
  for (const flag of SAFETY_FLAGS)
    if (!Object.hasOwn(safety, flag))
      problem(
        reading,
        `${path}.extension`,
        `The ServiceRequest does not answer the safety question “${safetyLabel(flag)}”.`,
      );
  if (!seen.has('consent')) problem(reading, `${path}.extension`, 'The ServiceRequest carries no consent.');
  if (!seen.has('verdict')) problem(reading, `${path}.extension`, 'The ServiceRequest carries no verdict.');
  input.safety = safety;
  input.provenance = provenance;
  where.set('provenance', `${path}.extension`);
}

function readTask(
  reading: Reading,
  task: z.infer<typeof taskResourceSchema>,
  path: string,
  urls: { patient: string; serviceRequest: string },
  serviceRequest: z.infer<typeof serviceRequestResourceSchema>,
): void {
  const id = referralIdOf(reading, task.identifier, path, 'Task');
  if (id && id.value !== reading.input.id)
    problem(reading, id.path, 'The Task’s referral identifier is not the ServiceRequest’s.');
  if (task.focus.reference !== urls.serviceRequest)
    problem(reading, `${path}.focus`, 'The Task’s focus is not the ServiceRequest in this Bundle.');
  if (task.for.reference !== urls.patient)
    problem(reading, `${path}.for`, 'The Task is not for the Patient in this Bundle.');
  if (task.authoredOn !== serviceRequest.authoredOn)
    problem(reading, `${path}.authoredOn`, 'The Task was not authored when the ServiceRequest was.');
  const referrer = readReferrer(reading, task, path);
  const expected = serviceRequest.contained[0] && referrerOf(serviceRequest.contained[0]);
  if (
    referrer &&
    expected &&
    (referrer.name !== expected.name || referrer.role !== expected.role || referrer.odsCode !== expected.odsCode)
  )
    problem(reading, `${path}.contained[0]`, 'The Task’s requester is not the ServiceRequest’s.');
}

const RESOURCE_TYPES = ['Patient', 'ServiceRequest', 'Task'] as const;
type ResourceType = (typeof RESOURCE_TYPES)[number];

/** Where the longest prefix of a referral path was read from, so a problem the referral schema finds points into the Bundle. */
function locate(where: Map<string, string>, path: readonly PropertyKey[]): string {
  for (let length = path.length; length > 0; length--) {
    const found = where.get(path.slice(0, length).map(String).join('.'));
    if (found !== undefined) return found;
  }
  return '';
}

/**
 * Reads a referral back from a transaction Bundle that came over the wire (untrusted). Refuses, with every problem
 * located, anything that is not the shape referralToBundle makes or is not a valid referral. Never throws.
 */
export function bundleToReferral(
  body: unknown,
): { ok: true; referral: Referral } | { ok: false; problems: FhirProblem[] } {
  const bundle = bundleSchema.safeParse(body);
  if (!bundle.success) return { ok: false, problems: zodProblems(bundle.error) };
  const reading: Reading = { input: {}, patient: {}, where: new Map(), problems: [] };
  reading.input.patient = reading.patient;

  const at: Partial<Record<ResourceType, number>> = {};
  bundle.data.entry.forEach((entry, index) => {
    const type = entry.resource.resourceType;
    if (!(RESOURCE_TYPES as readonly string[]).includes(type)) {
      problem(
        reading,
        `entry[${index}].resource.resourceType`,
        `A referral Bundle holds a Patient, a ServiceRequest and a Task; not a ${type}.`,
      );
      return;
    }
    if (at[type as ResourceType] !== undefined)
      problem(reading, `entry[${index}]`, `The Bundle has more than one ${type}.`);
    else at[type as ResourceType] = index;
    if (entry.request.url !== type)
      problem(reading, `entry[${index}].request.url`, `A ${type} is created at “${type}”, not “${entry.request.url}”.`);
  });
  for (const type of RESOURCE_TYPES)
    if (at[type] === undefined) problem(reading, 'entry', `The Bundle has no ${type}.`);
  if (at.Patient === undefined || at.ServiceRequest === undefined || at.Task === undefined)
    return { ok: false, problems: reading.problems };

  const entries = bundle.data.entry;
  const resource = <S extends z.ZodType>(schema: S, index: number) => {
    const parsed = schema.safeParse(entries[index]?.resource);
    if (!parsed.success) reading.problems.push(...zodProblems(parsed.error, `entry[${index}].resource`));
    return parsed.success ? (parsed.data as z.infer<S>) : undefined;
  };
  const patient = resource(patientResourceSchema, at.Patient);
  const serviceRequest = resource(serviceRequestResourceSchema, at.ServiceRequest);
  const task = resource(taskResourceSchema, at.Task);
  if (!patient || !serviceRequest || !task) return { ok: false, problems: reading.problems };

  const urls = {
    patient: entries[at.Patient]?.fullUrl ?? '',
    serviceRequest: entries[at.ServiceRequest]?.fullUrl ?? '',
    task: entries[at.Task]?.fullUrl ?? '',
  };
  if (new Set(Object.values(urls)).size !== 3) problem(reading, 'entry', 'Each entry has its own fullUrl.');
  readPatient(reading, patient, `entry[${at.Patient}].resource`);
  readServiceRequest(reading, serviceRequest, `entry[${at.ServiceRequest}].resource`, urls.patient);
  readTask(reading, task, `entry[${at.Task}].resource`, urls, serviceRequest);

  const conditions: [number, string | undefined][] = [
    [at.Patient, typeof reading.patient.nhsNumber === 'string' ? nhsNumberQuery(reading.patient.nhsNumber) : undefined],
    [at.ServiceRequest, typeof reading.input.id === 'string' ? referralIdentifierQuery(reading.input.id) : undefined],
    [at.Task, typeof reading.input.id === 'string' ? referralIdentifierQuery(reading.input.id) : undefined],
  ];
  for (const [index, expected] of conditions)
    if (expected !== undefined && entries[index]?.request.ifNoneExist !== expected)
      problem(
        reading,
        `entry[${index}].request.ifNoneExist`,
        `Each entry is a conditional create on its identifier (“${expected}”), so that a retry creates nothing twice.`,
      );
  if (reading.problems.length > 0) return { ok: false, problems: reading.problems };

  const referral = referralSchema.safeParse(reading.input);
  if (!referral.success)
    return {
      ok: false,
      problems: referral.error.issues.map((issue) => ({
        path: locate(reading.where, issue.path),
        message: `${issue.message} (the referral’s ${formatPath(issue.path)})`,
      })),
    };
  return { ok: true, referral: referral.data };
}
