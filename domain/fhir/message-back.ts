import type * as fhir4 from 'fhir/r4';
import type { Closing, Connection, WaitingList } from '../caseload/case';
import { closingWords, closingConcept as snomedFor } from '../caseload/closing';
import { noContactWords, noResponseWords, type ResponseRule, responseState } from '../caseload/response-rule';
import { nhsDate } from '../clock/nhs-date';
import { needLabel } from '../referral/needs';
import { SYSTEMS } from './systems';
import { type LinkWorkerStatus, TASK_STATUS } from './task';
import { wellbeingObservation } from './wellbeing-observation';

/** Where a case stands, as Task.businessStatus carries it to the referrer. */
export const CASE_STATES = ['new', 'assigned', 'in-contact', 'waiting-list', 'closed', 'overdue'] as const;
export type CaseState = (typeof CASE_STATES)[number];

/** What the queue knows of a case when its Task is written again (after each event a link worker adds). */
export type CaseForTask = {
  status: LinkWorkerStatus['status'];
  assignedName?: string;
  attempts: number;
  firstContactAt?: string;
  /** On the waiting list now (left out once the person is off it). */
  waiting?: WaitingList;
  closing?: Closing;
  closedBy?: string;
  /** When this change was made (the queue's clock). */
  at: string;
};

const OUTPUT_DISPLAYS = {
  outcome: 'Outcome',
  'connected-to': 'What the person was connected to',
  'need-met': 'Need met',
  'wellbeing-start': 'Wellbeing at the start',
  'wellbeing-end': 'Wellbeing at the end',
} as const;
type OutputCode = keyof typeof OUTPUT_DISPLAYS;

function caseState(c: CaseForTask): { code: CaseState; text: string } {
  if (c.closing) return { code: 'closed', text: `Closed: ${closingWords(c.closing)}` };
  if (c.waiting)
    return { code: 'waiting-list', text: `On the waiting list: expected by ${nhsDate(c.waiting.expected)}` };
  if (c.firstContactAt || c.status === 'contacted') return { code: 'in-contact', text: 'In contact with the person' };
  if (c.assignedName) return { code: 'assigned', text: `Assigned to ${c.assignedName}` };
  return { code: 'new', text: 'New: not yet assigned to a link worker' };
}

function businessStatus(code: CaseState, text: string): fhir4.CodeableConcept {
  return { coding: [{ system: SYSTEMS.caseState, code }], text };
}

/**
 * The closing reason as a concept: SNOMED CT only where caseload/closing.ts has verified one for that reason, always
 * our own code, and the words the GP reads.
 */
function closingConcept(closing: Closing): fhir4.CodeableConcept {
  const snomed = snomedFor(closing.reason);
  return {
    coding: [
      ...(snomed ? [{ system: SYSTEMS.snomed, ...snomed }] : []),
      { system: SYSTEMS.closingReason, code: closing.reason },
    ],
    text: closingWords(closing),
  };
}

function output(code: OutputCode, value: Omit<fhir4.TaskOutput, 'type'>): fhir4.TaskOutput {
  return { type: { coding: [{ system: SYSTEMS.caseOutput, code, display: OUTPUT_DISPLAYS[code] }] }, ...value };
}

function connection(c: Connection): fhir4.TaskOutput {
  return output('connected-to', {
    valueCodeableConcept: { coding: [{ system: SYSTEMS.connectionKind, code: c.kind }], text: c.name },
  });
}

/** The outcome and what the person was connected to, the needs met and wellbeing (contained Observations). */
function closingParts(task: fhir4.Task, closing: Closing, at: string) {
  const wellbeing = (['start', 'end'] as const).flatMap((when) => {
    const scores = closing.wellbeing[when];
    if (!scores) return [];
    const id = `wellbeing-${when}` as const;
    return [
      { id, observation: wellbeingObservation(scores, { id, issued: at, ...(task.for ? { subject: task.for } : {}) }) },
    ];
  });
  const outputs = [
    output('outcome', { valueCodeableConcept: closingConcept(closing) }),
    ...closing.connectedTo.map(connection),
    ...closing.needsMet.map((need) =>
      output('need-met', {
        valueCodeableConcept: { coding: [{ system: SYSTEMS.need, code: need, display: needLabel(need) }] },
      }),
    ),
    ...wellbeing.map(({ id }) => output(id, { valueReference: { reference: `#${id}` } })),
  ];
  return { outputs, observations: wellbeing.map(({ observation }) => observation) };
}

/**
 * The Task after a change to the case: where it stands (businessStatus), who holds it (owner) and when it changed.
 * At closing the link worker's work on the request is finished whatever the outcome, so the Task is completed; the
 * reason, the outcome, what the person was connected to, the needs met and wellbeing scores go with it, and the
 * summary for the GP is a note signed by who closed it. Pure: the Task given is not changed.
 */
export function taskWithCase(task: fhir4.Task, c: CaseForTask): fhir4.Task {
  const state = caseState(c);
  const owner = c.closing ? (c.closedBy ?? c.assignedName) : c.assignedName;
  const { businessStatus: _state, owner: previousOwner, ...rest } = task;
  const changed: fhir4.Task = {
    ...rest,
    status: c.closing ? 'completed' : TASK_STATUS[c.status],
    businessStatus: businessStatus(state.code, state.text),
    ...(owner ? { owner: { display: owner } } : previousOwner ? { owner: previousOwner } : {}),
    lastModified: c.at,
  };
  if (!c.closing) return changed;
  const { outputs, observations } = closingParts(task, c.closing, c.at);
  const { output: _output, statusReason: _reason, ...open } = changed;
  const others = (task.contained ?? []).filter((r) => !observations.some((o) => o.id === r.id));
  const summary = c.closing.summary;
  return {
    ...open,
    ...(others.length + observations.length > 0 ? { contained: [...others, ...observations] } : {}),
    statusReason: closingConcept(c.closing),
    ...(summary
      ? { note: [...(task.note ?? []), { ...(owner ? { authorString: owner } : {}), time: c.at, text: summary }] }
      : {}),
    output: outputs,
  };
}

/** What reading a Task needs besides the Task: when it arrived and was first contacted, the service's rule and name. */
type TaskReading = {
  receivedAt: string;
  firstContactAt?: string;
  /** The due days fixed on arrival (the caseload's own), when the queue has them. */
  due?: { contactDue: string; decisionDue: string };
  rule: ResponseRule;
  serviceName: string;
  now: Date;
};

/**
 * The Task as GET Task answers it `now`, against the service's rule, so that a referral is never silently left:
 * undecided past the decision due day, businessStatus says "No response yet from <service> — 12 working days";
 * accepted with no first contact past the contact due day (the inbox's Overdue view), "Accepted by <service> but no
 * contact yet — 7 working days" (working days since it arrived). Pure: any other Task is answered as stored.
 */
export function taskAsRead(task: fhir4.Task, input: TaskReading): fhir4.Task {
  const overdue = overdueWords(task, input);
  return overdue ? { ...task, businessStatus: businessStatus('overdue', overdue) } : task;
}

function overdueWords(task: fhir4.Task, input: TaskReading): string | undefined {
  const facts = { receivedAt: input.receivedAt, ...(input.due ? { due: input.due } : {}) };
  const state = responseState(facts, input.rule, input.now);
  if (task.status === 'requested' && state.decision.state === 'overdue')
    return noResponseWords(input.serviceName, state.workingDaysWaiting);
  // Judged as the Overdue view judges it (caseload/views.ts isOverdue): accepted and the person not yet reached.
  if (task.status === 'accepted' && input.firstContactAt === undefined && state.contact.state === 'overdue')
    return noContactWords(input.serviceName, state.workingDaysWaiting);
  return undefined;
}
