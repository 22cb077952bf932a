import type * as fhir4 from 'fhir/r4';
import type { Referral } from '../referral';

export type * as fhir4 from 'fhir/r4';

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
  taskReason: `${BASE}/CodeSystem/task-reason`,
} as const;

export const SNOMED = {
  socialPrescribingReferral: { code: '871731000000106', display: 'Referral to social prescribing service' },
  socialPrescribingDeclined: { code: '871711000000103', display: 'Social prescribing declined' },
} as const;

export type FhirProblem = { path: string; message: string };

export const LINK_WORKER_STATUSES = [
  'requested',
  'accepted',
  'declined',
  'redirected',
  'contacted',
  'completed',
  'cancelled',
] as const;

export type LinkWorkerStatus = {
  status: (typeof LINK_WORKER_STATUSES)[number];
  reason?: string;
  note?: string;
  redirectTo?: string;
  updatedAt: string;
};

export type Decision = {
  status: LinkWorkerStatus['status'];
  reason?: string;
  note?: string;
  redirectTo?: string;
  by: string;
  at: string;
};

export function referralToBundle(_referral: Referral): fhir4.Bundle {
  throw new Error('not yet');
}

export function bundleToReferral(
  _bundle: unknown,
): { ok: true; referral: Referral } | { ok: false; problems: FhirProblem[] } {
  throw new Error('not yet');
}

export function linkWorkerStatus(
  _task: unknown,
): { ok: true; status: LinkWorkerStatus } | { ok: false; problems: FhirProblem[] } {
  throw new Error('not yet');
}

/** The queue service updates the Task with this when a link worker decides. */
export function applyDecision(_task: fhir4.Task, _decision: Decision): fhir4.Task {
  throw new Error('not yet');
}

/** Final: nothing more will happen to the referral (declined, redirected, completed, cancelled); stop polling. */
export function isFinal(status: LinkWorkerStatus['status']): boolean {
  return status === 'declined' || status === 'redirected' || status === 'completed' || status === 'cancelled';
}

/** Decided, for the referrer: the link worker has answered (final, or accepted and perhaps already in contact). */
export function isDecided(status: LinkWorkerStatus['status']): boolean {
  return isFinal(status) || status === 'accepted' || status === 'contacted';
}
