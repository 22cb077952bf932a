// The link worker's caseload (issue 17): its views, assignment, the events a case gathers and its detail.
export { type Assigned, assign } from './caseload/assign';
export { type CaseDetail, caseDetail } from './caseload/detail';
export { fillResponseDue } from './caseload/due';
export { type AddedEvent, addCaseEvent } from './caseload/events';
export {
  CASELOAD_COUNT_UP_TO,
  type CaseloadPage,
  type CaseloadQuery,
  type CaseloadRow,
  caseloadCounts,
  caseloadPage,
} from './caseload/page';
export { responseRuleOf, setResponseRule } from './caseload/response-rule';
export { type TaskToRead, taskToRead } from './caseload/task-read';
