export type * as fhir4 from 'fhir/r4';
export { bundleToReferral } from './from-bundle';
export type { FhirProblem } from './problems';
export { BASE, EXTENSIONS, SNOMED, SYSTEMS } from './systems';
export {
  applyDecision,
  type Decision,
  decisionSchema,
  isDecided,
  isFinal,
  LINK_WORKER_STATUSES,
  type LinkWorkerStatus,
  linkWorkerStatus,
} from './task';
export { referralToBundle, taskResource } from './to-bundle';
