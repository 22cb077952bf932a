import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Closing, closingSchema } from '../../domain/caseload/case';
import { closingConcept } from '../../domain/caseload/closing';
import { DEFAULT_RESPONSE_RULE } from '../../domain/caseload/response-rule';
import { applyDecision, type fhir4, linkWorkerStatus, SNOMED, SYSTEMS, taskResource } from '../../domain/fhir';
import { type CaseForTask, taskAsRead, taskWithCase } from '../../domain/fhir/message-back';
import { readMessageBack } from '../../domain/fhir/read-message-back';
import { r4Problems } from '../../test-support/fhir/r4-schema';
import { richReferral } from '../../test-support/fixtures/referrals';

/** The Task as the queue serves it before anyone works the case. */
const requested: fhir4.Task = {
  ...taskResource(richReferral, 'Patient/p-1', `ServiceRequest/${richReferral.id}`),
  id: richReferral.id,
  meta: { versionId: '1', lastUpdated: '2027-03-01T09:00:00.000Z' },
};
const at = '2027-03-03T14:30:00.000Z';
const open: CaseForTask = { status: 'requested', attempts: 0, at };

const closing: Closing = closingSchema.parse({
  reason: 'completed',
  connectedTo: [
    { kind: 'group', name: 'Kingsmead Walking Group' },
    { kind: 'service', name: 'Citizens Advice Bristol' },
  ],
  needsMet: ['loneliness', 'money-debt'],
  summary: 'Walks with the group on Tuesdays; debt advice appointment kept.',
  wellbeing: {
    start: { kind: 'ons4', lifeSatisfaction: 4, worthwhile: 5, happiness: 3, anxiety: 7 },
    end: { kind: 'ons4', lifeSatisfaction: 7, worthwhile: 7, happiness: 6 },
  },
});
const closed: CaseForTask = {
  ...open,
  status: 'completed',
  attempts: 2,
  assignedName: 'Sam Patel',
  closing,
  closedBy: 'Sam Patel',
};

// Compiling HL7's R4 schema takes seconds on a busy machine: once, before the tests, with room to spare.
beforeAll(() => {
  r4Problems(requested);
}, 60_000);

/** Where a value holds an empty array, object or string (FHIR JSON has none). */
function emptyParts(value: unknown, path = ''): string[] {
  if (Array.isArray(value))
    return value.length === 0 ? [path] : value.flatMap((item, index) => emptyParts(item, `${path}[${index}]`));
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.length === 0 ? [path] : entries.flatMap(([key, item]) => emptyParts(item, `${path}.${key}`));
  }
  return value === '' ? [path] : [];
}

function codeOf(concept: fhir4.CodeableConcept | undefined, system: string) {
  return concept?.coding?.find((coding) => coding.system === system)?.code;
}

describe('the Task as the case moves on', () => {
  it.each([
    ['new', { ...open }, 'New: not yet assigned to a link worker', 'requested'],
    ['assigned', { ...open, assignedName: 'Sam Patel' }, 'Assigned to Sam Patel', 'requested'],
    [
      'in-contact',
      { ...open, status: 'contacted', assignedName: 'Sam Patel', attempts: 2, firstContactAt: at },
      'In contact with the person',
      'in-progress',
    ],
    [
      'waiting-list',
      { ...open, status: 'accepted', assignedName: 'Sam Patel', waiting: { expected: '2027-04-05' } },
      'On the waiting list: expected by 5 April 2027',
      'accepted',
    ],
  ] as const)('says where the case stands (%s) and stays valid FHIR R4', (code, c, text, status) => {
    const task = taskWithCase(requested, c);
    expect(r4Problems(task)).toEqual([]);
    expect(codeOf(task.businessStatus, SYSTEMS.caseState)).toBe(code);
    expect(task.businessStatus?.text).toBe(text);
    expect(task.status).toBe(status);
    expect(task.lastModified).toBe(at);
    expect(task.owner).toEqual(c.assignedName ? { display: c.assignedName } : undefined);
    expect(readMessageBack(task)).toEqual({ state: { code, text } });
  });

  it('keeps who decided as the owner while nobody is assigned, and every earlier note', () => {
    const accepted = applyDecision(requested, { status: 'accepted', note: 'Will call.', by: 'Lee Morgan', at });
    const task = taskWithCase(accepted, { ...open, status: 'accepted' });
    expect(task.owner).toEqual({ display: 'Lee Morgan' });
    expect(task.note).toEqual(accepted.note);
    expect(r4Problems(task)).toEqual([]);
  });

  it('keeps where the case stands through an acceptance, and drops it at a final decision', () => {
    const assigned = taskWithCase(requested, { ...open, assignedName: 'Sam Patel' });
    const accepted = applyDecision(assigned, { status: 'accepted', by: 'Sam Patel', at });
    expect(accepted.businessStatus).toEqual(assigned.businessStatus);
    const declined = applyDecision(assigned, { status: 'declined', reason: 'Out of area.', by: 'Sam Patel', at });
    expect(declined.businessStatus).toBeUndefined();
    expect(readMessageBack(declined)).toEqual({});
  });

  it('changes nothing it is given', () => {
    const before = JSON.stringify(requested);
    taskWithCase(requested, closed);
    expect(JSON.stringify(requested)).toBe(before);
  });
});

describe('the message back at closing', () => {
  const task = taskWithCase(requested, closed);

  it('is a completed Task, valid FHIR R4, with the outcome, connections, needs met and wellbeing', () => {
    expect(r4Problems(task)).toEqual([]);
    expect(task.status).toBe('completed');
    expect(codeOf(task.businessStatus, SYSTEMS.caseState)).toBe('closed');
    expect(codeOf(task.statusReason, SYSTEMS.closingReason)).toBe('completed');
    expect(task.owner).toEqual({ display: 'Sam Patel' });
    expect(task.output?.map((o) => codeOf(o.type, SYSTEMS.caseOutput))).toEqual([
      'outcome',
      'connected-to',
      'connected-to',
      'need-met',
      'need-met',
      'wellbeing-start',
      'wellbeing-end',
    ]);
    // Each contained Observation is referenced from the output (FHIR's dom-3), the referrer kept.
    const contained = task.contained?.map((r) => r.id);
    expect(contained).toEqual(['referrer', 'wellbeing-start', 'wellbeing-end']);
    expect(task.output?.flatMap((o) => o.valueReference?.reference ?? [])).toEqual([
      '#wellbeing-start',
      '#wellbeing-end',
    ]);
    expect(task.note?.at(-1)).toEqual({ authorString: 'Sam Patel', time: at, text: closing.summary });
  });

  it('reads back on the pad as it was closed, a skipped question left out', () => {
    expect(readMessageBack(JSON.parse(JSON.stringify(task)))).toEqual({
      state: { code: 'closed', text: task.businessStatus?.text },
      closing: {
        reason: 'completed',
        words: task.statusReason?.text,
        by: 'Sam Patel',
        at,
        connectedTo: closing.connectedTo,
        needsMet: ['loneliness', 'money-debt'],
        wellbeing: {
          start: closing.wellbeing.start,
          end: { kind: 'ons4', lifeSatisfaction: 7, worthwhile: 7, happiness: 6, anxiety: undefined },
        },
        summary: closing.summary,
      },
    });
    const end = task.contained?.find((r) => r.id === 'wellbeing-end') as fhir4.Observation;
    expect(end.component).toHaveLength(3);
  });

  it('is still read as completed by a pad that knows only the link worker’s statuses', () => {
    const read = linkWorkerStatus(JSON.parse(JSON.stringify(task)));
    expect(read.ok && read.status).toMatchObject({ status: 'completed', note: closing.summary, updatedAt: at });
  });

  it.each([
    { reason: 'completed' },
    { reason: 'patient-declined' },
    { reason: 'unable-to-contact', attempts: 3 },
    { reason: 'did-not-engage' },
    { reason: 'referred-elsewhere', elsewhere: 'Citizens Advice' },
  ] as const)('closes as completed with the reason coded: $reason', (input) => {
    const reasonTask = taskWithCase(requested, { ...closed, closing: closingSchema.parse(input) });
    expect(r4Problems(reasonTask)).toEqual([]);
    expect(reasonTask.status).toBe('completed');
    expect(codeOf(reasonTask.statusReason, SYSTEMS.closingReason)).toBe(input.reason);
    // Only a verified SNOMED CT concept is ever sent, and only for its own reason.
    expect(codeOf(reasonTask.statusReason, SYSTEMS.snomed)).toBe(closingConcept(input.reason)?.code);
    expect(readMessageBack(reasonTask).closing?.reason).toBe(input.reason);
  });

  it('has no empty array, object or string, however little was recorded (every question skipped)', () => {
    const little = closingSchema.parse({
      reason: 'did-not-engage',
      wellbeing: { start: { kind: 'ons4' }, end: { kind: 'swemwbs', items: Array(7).fill(undefined) } },
    });
    const sparse = taskWithCase(requested, { ...open, closing: little });
    expect(emptyParts(JSON.parse(JSON.stringify(sparse)))).toEqual([]);
    expect(r4Problems(sparse)).toEqual([]);
  });

  it('files a patient’s decline as SNOMED CT “Social prescribing declined”', () => {
    const declined = taskWithCase(requested, {
      ...closed,
      closing: closingSchema.parse({ reason: 'patient-declined' }),
    });
    expect(declined.statusReason?.coding?.[0]).toEqual({ system: SYSTEMS.snomed, ...SNOMED.socialPrescribingDeclined });
  });

  it('carries SWEMWBS items, and the metric score only when all seven are answered', () => {
    const items = [4, 3, 4, 3, 4, 3, 4] as const;
    const both = closingSchema.parse({
      reason: 'completed',
      wellbeing: {
        start: { kind: 'swemwbs', items: [2, undefined, 3, 2, 2, 3, 2] },
        end: { kind: 'swemwbs', items },
      },
    });
    const swemwbs = taskWithCase(requested, { ...closed, closing: both });
    expect(r4Problems(swemwbs)).toEqual([]);
    const [start, end] = ['wellbeing-start', 'wellbeing-end'].map(
      (id) => swemwbs.contained?.find((r) => r.id === id) as fhir4.Observation,
    );
    expect(start?.valueQuantity).toBeUndefined();
    expect(start?.component).toHaveLength(6);
    expect(end?.valueQuantity?.value).toBeGreaterThan(0);
    expect(readMessageBack(swemwbs).closing?.wellbeing).toEqual(both.wellbeing);
  });
});

describe('the Task as GET Task answers it', () => {
  // Received on Monday 1 March 2027; no bank holiday until Good Friday, 26 March.
  const input = {
    receivedAt: '2027-03-01T09:00:00.000Z',
    rule: DEFAULT_RESPONSE_RULE,
    serviceName: 'Kingsmead Connect',
  };

  it('says there is no response yet once the decision is overdue, in working days', () => {
    const task = taskAsRead(taskWithCase(requested, open), { ...input, now: new Date('2027-03-17T12:00:00Z') });
    expect(codeOf(task.businessStatus, SYSTEMS.caseState)).toBe('overdue');
    expect(task.businessStatus?.text).toBe('No response yet from Kingsmead Connect — 12 working days');
    expect(r4Problems(task)).toEqual([]);
    expect(readMessageBack(task).state).toEqual({ code: 'overdue', text: task.businessStatus?.text });
  });

  it('answers the Task as stored before the rule has passed, and once a decision is made', () => {
    const stored = taskWithCase(requested, { ...open, assignedName: 'Sam Patel' });
    expect(taskAsRead(stored, { ...input, now: new Date('2027-03-12T12:00:00Z') })).toBe(stored);
    const reached = taskWithCase(requested, { ...open, status: 'accepted', firstContactAt: at });
    expect(taskAsRead(reached, { ...input, firstContactAt: at, now: new Date('2027-06-01T12:00:00Z') })).toBe(reached);
    const contacted = taskWithCase(requested, { ...open, status: 'contacted' });
    expect(taskAsRead(contacted, { ...input, now: new Date('2027-06-01T12:00:00Z') })).toBe(contacted);
  });

  it('judges by the due days fixed on arrival when the queue gives them, whatever the rule says now', () => {
    const stored = taskWithCase(requested, open);
    const now = new Date('2027-03-17T12:00:00Z');
    // The service has since allowed 20 working days, but this referral came under 10: still overdue, as in the caseload.
    const laterRule = { ...DEFAULT_RESPONSE_RULE, decisionWorkingDays: 20 };
    expect(taskAsRead(stored, { ...input, rule: laterRule, now })).toBe(stored);
    const due = { contactDue: '2027-03-08', decisionDue: '2027-03-15' };
    const task = taskAsRead(stored, { ...input, rule: laterRule, due, now });
    expect(task.businessStatus?.text).toBe('No response yet from Kingsmead Connect — 12 working days');
  });

  it('says an accepted referral has had no contact yet once first contact is overdue, as the Overdue view does', () => {
    const accepted = taskWithCase(requested, { ...open, status: 'accepted', waiting: { expected: '2027-05-03' } });
    // First contact within 5 working days: due Monday 8 March, overdue from the 9th.
    expect(taskAsRead(accepted, { ...input, now: new Date('2027-03-08T22:00:00Z') })).toBe(accepted);
    const task = taskAsRead(accepted, { ...input, now: new Date('2027-03-09T08:00:00Z') });
    expect(codeOf(task.businessStatus, SYSTEMS.caseState)).toBe('overdue');
    expect(task.businessStatus?.text).toBe('Accepted by Kingsmead Connect but no contact yet — 6 working days');
    expect(r4Problems(task)).toEqual([]);
    expect(readMessageBack(task).state).toEqual({ code: 'overdue', text: task.businessStatus?.text });
  });
});

describe('reading the message back', () => {
  it('never throws, whatever the queue answers', () => {
    fc.assert(
      fc.property(fc.anything(), (body) => {
        expect(() => readMessageBack(body)).not.toThrow();
      }),
    );
    for (const body of [null, 'Task', { resourceType: 'Task', output: 'x', businessStatus: 3 }])
      expect(readMessageBack(body)).toEqual({});
  });

  it('leaves out a part it cannot read and keeps the rest', () => {
    const task = taskWithCase(requested, closed);
    const output = task.output?.map((o) =>
      o.valueCodeableConcept?.text === 'Kingsmead Walking Group'
        ? { ...o, valueCodeableConcept: { text: 'no kind' } }
        : o,
    );
    const read = readMessageBack({ ...task, output });
    expect(read.closing?.connectedTo).toEqual([{ kind: 'service', name: 'Citizens Advice Bristol' }]);
    expect(read.closing?.reason).toBe('completed');
  });
});

describe('the R4 schema the tests check with', () => {
  it('really refuses an invalid Task', () => {
    const task = taskWithCase(requested, closed);
    expect(r4Problems({ ...task, status: 'closed' })).not.toEqual([]);
    expect(r4Problems({ ...task, output: [{ valueString: 'no type' }] })).not.toEqual([]);
    expect(r4Problems({ ...task, businessStatus: { text: 'x', state: 'new' } })).not.toEqual([]);
    expect(r4Problems({ ...task, lastModified: '3 March 2027' })).not.toEqual([]);
    expect(r4Problems({ ...task, contained: [{ resourceType: 'Observation', id: 'x', status: 'final' }] })).not.toEqual(
      [],
    );
  });
});
