import { describe, expect, it } from 'vitest';
import type { fhir4 } from '../../domain/fhir';
import { referralToBundle, SNOMED, SYSTEMS } from '../../domain/fhir';
import { minimalReferral, overriddenReferral, richReferral } from '../../test-support/fixtures/referrals';

function resources(bundle: fhir4.Bundle) {
  const entries = bundle.entry ?? [];
  const find = <T extends fhir4.FhirResource['resourceType']>(type: T) => {
    const entry = entries.find((candidate) => candidate.resource?.resourceType === type);
    if (!entry) throw new Error(`no ${type}`);
    return { entry, resource: entry.resource as Extract<fhir4.FhirResource, { resourceType: T }> };
  };
  return { patient: find('Patient'), serviceRequest: find('ServiceRequest'), task: find('Task') };
}

/** Every Coding anywhere in a value, wherever it sits. */
function codings(value: unknown): fhir4.Coding[] {
  if (Array.isArray(value)) return value.flatMap(codings);
  if (value === null || typeof value !== 'object') return [];
  const object = value as Record<string, unknown>;
  const own = typeof object.system === 'string' && typeof object.code === 'string' ? [object as fhir4.Coding] : [];
  return [...own, ...Object.values(object).flatMap(codings)];
}

const bundle = referralToBundle(richReferral);
const { patient, serviceRequest, task } = resources(bundle);

describe('the Bundle a referral is sent as', () => {
  it('is a transaction of a Patient, a ServiceRequest and a Task, each with a urn:uuid fullUrl of its own', () => {
    expect(bundle.resourceType).toBe('Bundle');
    expect(bundle.type).toBe('transaction');
    expect(bundle.entry?.map((entry) => entry.resource?.resourceType)).toEqual(['Patient', 'ServiceRequest', 'Task']);
    const urls = bundle.entry?.map((entry) => entry.fullUrl) ?? [];
    for (const url of urls) expect(url).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(new Set(urls).size).toBe(3);
  });

  it('creates each resource only if it does not exist yet (conditional create on its identifier)', () => {
    expect(patient.entry.request).toEqual({
      method: 'POST',
      url: 'Patient',
      ifNoneExist: 'identifier=https://fhir.nhs.uk/Id/nhs-number|9434765919',
    });
    const onReferral = `identifier=${SYSTEMS.referralId}|${richReferral.id}`;
    expect(serviceRequest.entry.request).toEqual({ method: 'POST', url: 'ServiceRequest', ifNoneExist: onReferral });
    expect(task.entry.request).toEqual({ method: 'POST', url: 'Task', ifNoneExist: onReferral });
  });

  it('identifies the patient by NHS number and carries their name, birth date, gender, telecom and postcode', () => {
    const resource = patient.resource;
    expect(resource.identifier).toEqual([{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9434765919' }]);
    expect(resource.name).toEqual([{ use: 'official', family: 'O’Neill-Smith', given: ['Margaret Ann'] }]);
    expect(resource.birthDate).toBe('1950-03-12');
    expect(resource.gender).toBe('female');
    expect(resource.telecom).toEqual([
      { system: 'phone', value: '07700 900123' },
      { system: 'email', value: 'margaret@example.org' },
    ]);
    expect(resource.address).toEqual([{ postalCode: 'BS1 4DJ' }]);
  });

  it('says an interpreter is needed, in which language, with HL7’s standard extension', () => {
    expect(patient.resource.communication).toEqual([{ language: { text: 'Polish' }, preferred: true }]);
    expect(patient.resource.extension).toContainEqual({
      url: 'http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired',
      valueBoolean: true,
    });
  });

  it('sends no element for what the referral does not have', () => {
    const minimal = resources(referralToBundle(minimalReferral));
    expect(Object.keys(minimal.patient.resource).sort()).toEqual([
      'birthDate',
      'gender',
      'identifier',
      'name',
      'resourceType',
    ]);
    expect(minimal.serviceRequest.resource.note).toBeUndefined();
  });

  it('makes the ServiceRequest an active order, coded as a referral to social prescribing, for the Patient', () => {
    const resource = serviceRequest.resource;
    expect(resource.status).toBe('active');
    expect(resource.intent).toBe('order');
    expect(resource.code?.coding).toEqual([
      { system: 'http://snomed.info/sct', code: '871731000000106', display: 'Referral to social prescribing service' },
    ]);
    expect(resource.identifier).toEqual([{ system: SYSTEMS.referralId, value: richReferral.id }]);
    expect(resource.subject).toEqual({ reference: patient.entry.fullUrl });
    expect(resource.authoredOn).toBe('2026-11-20T10:15:30.000Z');
  });

  it('names the referrer as a contained PractitionerRole at their practice (ODS code)', () => {
    const resource = serviceRequest.resource;
    expect(resource.requester).toEqual({ reference: '#referrer' });
    expect(resource.contained).toEqual([
      {
        resourceType: 'PractitionerRole',
        id: 'referrer',
        practitioner: { display: 'Dr Amina Patel' },
        organization: { identifier: { system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'L81001' } },
        code: [{ text: 'GP' }],
      },
    ]);
  });

  it('gives the needs as reason codes with their labels, and what matters to the patient as a note', () => {
    const resource = serviceRequest.resource;
    expect(
      resource.reasonCode?.map((reason) => [reason.coding?.[0]?.system, reason.coding?.[0]?.code, reason.text]),
    ).toEqual([
      [SYSTEMS.need, 'loneliness', 'Loneliness or isolation'],
      [SYSTEMS.need, 'bereavement', 'Bereavement'],
      [SYSTEMS.need, 'money-debt', 'Money and debt'],
    ]);
    expect(resource.note?.[0]?.text).toBe(richReferral.whatMatters);
  });

  it('carries the verdict the referrer saw, with the override reason, for the link worker', () => {
    const verdict = resources(referralToBundle(overriddenReferral)).serviceRequest.resource.extension?.find(
      (extension) => extension.url.endsWith('/StructureDefinition/verdict'),
    );
    expect(verdict?.extension).toEqual([
      { url: 'modelId', valueString: 'over-55-isolated' },
      { url: 'modelVersion', valuePositiveInt: 12 },
      { url: 'outcome', valueCoding: { system: SYSTEMS.verdictOutcome, code: 'review' } },
      { url: 'rule', valueString: 'scope.age' },
      { url: 'rule', valueString: 'safety.secondary-mental-health' },
      {
        url: 'overrideReason',
        valueString: 'Known to the link worker already; the community mental health team agreed this referral.',
      },
    ]);
  });

  it('answers every safety question explicitly, yes or no', () => {
    const answers = serviceRequest.resource.extension
      ?.filter((extension) => extension.url.endsWith('/StructureDefinition/safety-flag'))
      .map((extension) => [extension.extension?.[0]?.valueCoding?.code, extension.extension?.[1]?.valueBoolean]);
    expect(answers).toEqual([
      ['suicidal-thoughts', false],
      ['psychosis', false],
      ['safeguarding', true],
      ['secondary-mental-health', false],
      ['substance-use', false],
    ]);
  });

  it('makes the Task a requested order whose focus is the ServiceRequest, for the Patient', () => {
    const resource = task.resource;
    expect(resource.status).toBe('requested');
    expect(resource.intent).toBe('order');
    expect(resource.focus).toEqual({ reference: serviceRequest.entry.fullUrl });
    expect(resource.for).toEqual({ reference: patient.entry.fullUrl });
    expect(resource.identifier).toEqual([{ system: SYSTEMS.referralId, value: richReferral.id }]);
    expect(resource.authoredOn).toBe(richReferral.createdAt);
    expect(resource.owner).toBeUndefined();
  });

  it('names code systems by URI, and uses no SNOMED CT concept but the two checked ones', () => {
    const all = [richReferral, minimalReferral, overriddenReferral].flatMap((referral) =>
      codings(referralToBundle(referral)),
    );
    for (const coding of all) expect(coding.system).toMatch(/^https?:\/\/[^\s]+$/);
    const snomed = all.filter((coding) => coding.system === 'http://snomed.info/sct');
    expect(snomed.length).toBeGreaterThan(0);
    for (const coding of snomed) expect([SNOMED.socialPrescribingReferral.code]).toContain(coding.code);
  });
});
