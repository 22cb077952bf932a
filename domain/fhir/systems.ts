/** Our own canonical base: the code systems, identifiers and extensions we define live under it. */
export const BASE = 'https://social-prescribing-pad.org/fhir';

export const SYSTEMS = {
  snomed: 'http://snomed.info/sct',
  nhsNumber: 'https://fhir.nhs.uk/Id/nhs-number',
  ods: 'https://fhir.nhs.uk/Id/ods-organization-code',
  referralId: `${BASE}/Id/referral`,
  need: `${BASE}/CodeSystem/need`,
  safetyFlag: `${BASE}/CodeSystem/safety-flag`,
  accessNeed: `${BASE}/CodeSystem/access-need`,
  contactMode: `${BASE}/CodeSystem/contact-mode`,
  verdictOutcome: `${BASE}/CodeSystem/verdict-outcome`,
  /** Why a link worker's Task has its status when SNOMED CT has no concept for it: 'redirected'. */
  taskReason: `${BASE}/CodeSystem/task-reason`,
  /** HL7's Task codes: 'fulfill' says the Task asks for its focus (the ServiceRequest) to be carried out. */
  taskCode: 'http://hl7.org/fhir/CodeSystem/task-code',
  /** Where a case stands (Task.businessStatus): new | assigned | in-contact | waiting-list | closed | overdue. */
  caseState: `${BASE}/CodeSystem/case-state`,
  /** Why a case was closed (CLOSING_REASONS), beside the SNOMED CT concept where one is verified. */
  closingReason: `${BASE}/CodeSystem/closing-reason`,
  /** What a closed Task's output is: outcome | connected-to | need-met | wellbeing-start | wellbeing-end. */
  caseOutput: `${BASE}/CodeSystem/case-output`,
  /** What the person was connected to: activity | group | service | other. */
  connectionKind: `${BASE}/CodeSystem/connection-kind`,
  /** Wellbeing measures and their questions: ons4, ons4-life-satisfaction …, swemwbs, swemwbs-1 … swemwbs-7. */
  wellbeing: `${BASE}/CodeSystem/wellbeing`,
} as const;

/**
 * The only SNOMED CT concepts we use: both checked, against NHS England's coding guidance for social prescribing link
 * workers (as published in Transformation Partners in Health and Care's FAQs). Never add one that has not been
 * checked; the README's "SNOMED CT codes" lists each with where it was checked.
 */
export const SNOMED = {
  socialPrescribingReferral: { code: '871731000000106', display: 'Referral to social prescribing service' },
  socialPrescribingDeclined: { code: '871711000000103', display: 'Social prescribing declined' },
} as const;

/**
 * Extensions. HL7's interpreter-required is standard; the others are ours, complex where they group answers
 * (their sub-extensions are named in the comments).
 */
export const EXTENSIONS = {
  interpreterRequired: 'http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired',
  /** Patient: `mode` (valueCoding, repeats), `times` (valueString). */
  contactPreference: `${BASE}/StructureDefinition/contact-preference`,
  /** Patient, repeats: valueCoding from the access-need code system. */
  accessNeed: `${BASE}/StructureDefinition/access-need`,
  /** ServiceRequest, one per safety question: `flag` (valueCoding), `present` (valueBoolean). */
  safetyFlag: `${BASE}/StructureDefinition/safety-flag`,
  /** ServiceRequest: `referral` and `sharing` (valueBoolean each). */
  consent: `${BASE}/StructureDefinition/consent`,
  /** ServiceRequest: `modelId` (valueString), `modelVersion` (valuePositiveInt), `outcome` (valueCoding), `rule` (valueString, repeats), `overrideReason` (valueString). */
  verdict: `${BASE}/StructureDefinition/verdict`,
  /** ServiceRequest, one per pre-filled field: `field` (valueCode, a patient field name), `source` (valueCode: page | typed). */
  fieldProvenance: `${BASE}/StructureDefinition/field-provenance`,
  /** Task.statusReason of a redirect, whose text is where to: why (valueString). */
  redirectReason: `${BASE}/StructureDefinition/redirect-reason`,
  /** HealthcareService: `state` (valueCode: accepting | waiting-list | paused), `weeks` (valuePositiveInt), `until` (valueDate), `note` (valueString). */
  serviceCapacity: `${BASE}/StructureDefinition/service-capacity`,
  /** HealthcareService, repeats: a postcode area or district served (valueString). */
  serviceArea: `${BASE}/StructureDefinition/service-area`,
  /** HealthcareService: how the service makes contact with the people referred (valueString). */
  serviceContact: `${BASE}/StructureDefinition/service-contact`,
  /** HealthcareService: the model version agreed with the practice asking, as agreed-model JSON (valueString). */
  agreedModel: `${BASE}/StructureDefinition/agreed-model`,
} as const;

/** A reference to the referrer, contained in the ServiceRequest and the Task. */
export const REFERRER_ID = 'referrer';

export function referralIdentifierQuery(id: string): string {
  return `identifier=${SYSTEMS.referralId}|${id}`;
}

export function nhsNumberQuery(nhsNumber: string): string {
  return `identifier=${SYSTEMS.nhsNumber}|${nhsNumber}`;
}
