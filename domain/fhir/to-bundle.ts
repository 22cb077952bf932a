import type * as fhir4 from 'fhir/r4';
import { ACCESS_NEEDS, CONTACT_MODES, needLabel, type Referral, SAFETY_FLAGS, safetyLabel } from '../referral';
import { EXTENSIONS, nhsNumberQuery, REFERRER_ID, referralIdentifierQuery, SNOMED, SYSTEMS } from './systems';

/**
 * The entries' urn:uuid names only link entries within this one Bundle. Deriving them from the referral's UUID keeps
 * the Bundle a pure function of the referral (a retry sends the same bytes) and the three names distinct.
 */
function entryUuid(id: string, entry: 0 | 1 | 2): string {
  const last = Number.parseInt(id.slice(-1), 16);
  return `urn:uuid:${id.slice(0, -1)}${(last ^ entry).toString(16)}`;
}

function label<T extends { code: string; label: string }>(list: readonly T[], code: string): string {
  return list.find((item) => item.code === code)?.label ?? code;
}

function referrerRole(referral: Referral): fhir4.PractitionerRole {
  return {
    resourceType: 'PractitionerRole',
    id: REFERRER_ID,
    practitioner: { display: referral.referrer.name },
    organization: { identifier: { system: SYSTEMS.ods, value: referral.referrer.odsCode } },
    code: [{ text: referral.referrer.role }],
  };
}

function patientResource(referral: Referral): fhir4.Patient {
  const { patient } = referral;
  const telecom: fhir4.ContactPoint[] = [
    ...(patient.phone ? [{ system: 'phone' as const, value: patient.phone }] : []),
    ...(patient.email ? [{ system: 'email' as const, value: patient.email }] : []),
  ];
  const extension: fhir4.Extension[] = [];
  if (patient.interpreterLanguage) extension.push({ url: EXTENSIONS.interpreterRequired, valueBoolean: true });
  // FHIR strings are never empty: a blank contact time is no contact time.
  if (patient.contactModes.length > 0 || patient.contactTimes) {
    extension.push({
      url: EXTENSIONS.contactPreference,
      extension: [
        ...patient.contactModes.map((mode) => ({
          url: 'mode',
          valueCoding: { system: SYSTEMS.contactMode, code: mode, display: label(CONTACT_MODES, mode) },
        })),
        ...(patient.contactTimes ? [{ url: 'times', valueString: patient.contactTimes }] : []),
      ],
    });
  }
  for (const need of patient.accessNeeds) {
    extension.push({
      url: EXTENSIONS.accessNeed,
      valueCoding: { system: SYSTEMS.accessNeed, code: need, display: label(ACCESS_NEEDS, need) },
    });
  }
  return {
    resourceType: 'Patient',
    identifier: [{ system: SYSTEMS.nhsNumber, value: patient.nhsNumber }],
    name: [{ use: 'official', family: patient.family, given: [patient.given] }],
    gender: patient.sex,
    birthDate: patient.dateOfBirth,
    ...(telecom.length > 0 ? { telecom } : {}),
    ...(patient.postcode ? { address: [{ postalCode: patient.postcode }] } : {}),
    ...(patient.interpreterLanguage
      ? { communication: [{ language: { text: patient.interpreterLanguage }, preferred: true }] }
      : {}),
    ...(extension.length > 0 ? { extension } : {}),
  };
}

function serviceRequestExtensions(referral: Referral): fhir4.Extension[] {
  const { verdict } = referral;
  return [
    ...SAFETY_FLAGS.map((flag) => ({
      url: EXTENSIONS.safetyFlag,
      extension: [
        { url: 'flag', valueCoding: { system: SYSTEMS.safetyFlag, code: flag, display: safetyLabel(flag) } },
        { url: 'present', valueBoolean: referral.safety[flag] },
      ],
    })),
    {
      url: EXTENSIONS.consent,
      extension: [
        { url: 'referral', valueBoolean: referral.consent.referral },
        { url: 'sharing', valueBoolean: referral.consent.sharing },
      ],
    },
    {
      url: EXTENSIONS.verdict,
      extension: [
        { url: 'modelId', valueString: verdict.modelId },
        { url: 'modelVersion', valuePositiveInt: verdict.modelVersion },
        { url: 'outcome', valueCoding: { system: SYSTEMS.verdictOutcome, code: verdict.outcome } },
        ...verdict.rules.map((rule) => ({ url: 'rule', valueString: rule })),
        ...(verdict.overrideReason !== undefined
          ? [{ url: 'overrideReason', valueString: verdict.overrideReason }]
          : []),
      ],
    },
    ...Object.entries(referral.provenance).map(([field, source]) => ({
      url: EXTENSIONS.fieldProvenance,
      extension: [
        { url: 'field', valueCode: field },
        { url: 'source', valueCode: source },
      ],
    })),
  ];
}

function serviceRequestResource(referral: Referral, patientUrl: string): fhir4.ServiceRequest {
  return {
    resourceType: 'ServiceRequest',
    contained: [referrerRole(referral)],
    extension: serviceRequestExtensions(referral),
    identifier: [{ system: SYSTEMS.referralId, value: referral.id }],
    status: 'active',
    intent: 'order',
    code: { coding: [{ system: SYSTEMS.snomed, ...SNOMED.socialPrescribingReferral }] },
    subject: { reference: patientUrl },
    authoredOn: referral.createdAt,
    requester: { reference: `#${REFERRER_ID}` },
    ...(referral.serviceId ? { performer: [{ reference: `HealthcareService/${referral.serviceId}` }] } : {}),
    reasonCode: referral.needs.map((need) => ({
      coding: [{ system: SYSTEMS.need, code: need, display: needLabel(need) }],
      text: needLabel(need),
    })),
    ...(referral.whatMatters
      ? { note: [{ authorString: referral.referrer.name, time: referral.createdAt, text: referral.whatMatters }] }
      : {}),
  };
}

/** The Task a referral's Bundle carries; the queue serves the same Task with its references resolved. */
export function taskResource(referral: Referral, patientUrl: string, serviceRequestUrl: string): fhir4.Task {
  return {
    resourceType: 'Task',
    contained: [referrerRole(referral)],
    identifier: [{ system: SYSTEMS.referralId, value: referral.id }],
    status: 'requested',
    intent: 'order',
    code: { coding: [{ system: SYSTEMS.taskCode, code: 'fulfill' }] },
    focus: { reference: serviceRequestUrl },
    for: { reference: patientUrl },
    authoredOn: referral.createdAt,
    lastModified: referral.createdAt,
    requester: { reference: `#${REFERRER_ID}` },
  };
}

/**
 * One referral as one FHIR R4 transaction Bundle: Patient, ServiceRequest, Task, each a conditional create so that
 * a retried delivery creates nothing twice.
 */
export function referralToBundle(referral: Referral): fhir4.Bundle {
  const patientUrl = entryUuid(referral.id, 1);
  const serviceRequestUrl = entryUuid(referral.id, 0);
  const taskUrl = entryUuid(referral.id, 2);
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      {
        fullUrl: patientUrl,
        resource: patientResource(referral),
        request: { method: 'POST', url: 'Patient', ifNoneExist: nhsNumberQuery(referral.patient.nhsNumber) },
      },
      {
        fullUrl: serviceRequestUrl,
        resource: serviceRequestResource(referral, patientUrl),
        request: { method: 'POST', url: 'ServiceRequest', ifNoneExist: referralIdentifierQuery(referral.id) },
      },
      {
        fullUrl: taskUrl,
        resource: taskResource(referral, patientUrl, serviceRequestUrl),
        request: { method: 'POST', url: 'Task', ifNoneExist: referralIdentifierQuery(referral.id) },
      },
    ],
  };
}
